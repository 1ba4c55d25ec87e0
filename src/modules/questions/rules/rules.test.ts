import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkContact } from '../../../platform/text/index.ts';
import { normaliseQuestionCode, questionCodeFrom } from './code.ts';
import { type ReviewState, review } from './review.ts';
import { normaliseQuestionSearch } from './search.ts';

test('question codes use the look-alike-free alphabet and read back however they are typed', () => {
  const code = questionCodeFrom(new Uint8Array([0, 1, 2, 30, 31, 62, 255, 128]));
  assert.equal(code, 'ABC9AAHE');
  assert.equal(normaliseQuestionCode(' abc9-aahe '), 'ABC9AAHE');
  for (const bad of ['', 'ABC9AA2', 'ABC9AA2YZ', 'ABC0AA2Y', 'ABCIAA2Y', 'ABCLAA2Y', 'ĂBC9AA2Y', '<script>']) {
    assert.equal(normaliseQuestionCode(bad), null, bad);
  }
});

test('contacts: Vietnamese phone numbers and e-mail addresses', () => {
  const cases: [string, string | null, string | null][] = [
    ['0912 345 678', 'phone', '0912345678'],
    ['+84 912.345.678', 'phone', '0912345678'],
    ['84912345678', 'phone', '0912345678'],
    ['0277 3851 234', 'phone', '02773851234'],
    ['091234567', null, null],
    ['0112345678', null, null],
    ['12345', null, null],
    ['Lan.Nguyen@Example.VN', 'email', 'Lan.Nguyen@example.vn'],
    ['lan@', null, null],
    ['lan@example', null, null],
    ['<b>@x.vn', null, null],
  ];
  for (const [raw, kind, value] of cases) {
    const r = checkContact(raw);
    if (kind === null) assert.equal(r.ok, false, raw);
    else assert.deepEqual(r, { ok: true, kind, value }, raw);
  }
});

test('search text keeps diacritics and drops punctuation', () => {
  assert.equal(normaliseQuestionSearch('  Đăng ký   khai-sinh? '), 'Đăng ký khai sinh');
  assert.equal(normaliseQuestionSearch('%%'), null);
  assert.equal(normaliseQuestionSearch('x'.repeat(300))?.length, 100);
});

const pending: ReviewState = { status: 'pending', published: false, answer: null, internalNote: null, rejectReason: null, rejectNote: null };
const input = { answer: null, internalNote: null, rejectReason: null, rejectNote: null };

test('review: what each action does, from each state', () => {
  const rows: [ReviewState, Parameters<typeof review>[1], Partial<ReviewState> | string][] = [
    [pending, { ...input, action: 'save', answer: 'Nháp' }, { status: 'pending', published: false, answer: 'Nháp' }],
    [pending, { ...input, action: 'publish' }, 'answer'],
    [pending, { ...input, action: 'publish', answer: 'Trả lời' }, { status: 'answered', published: true }],
    [pending, { ...input, action: 'hide', answer: 'Trả lời' }, { status: 'answered', published: false }],
    [pending, { ...input, action: 'reject' }, 'rejectReason'],
    [pending, { ...input, action: 'reject', rejectReason: 'spam', rejectNote: 'Quảng cáo' }, { status: 'rejected', rejectReason: 'spam' }],
    [{ ...pending, status: 'answered', published: true, answer: 'A' }, { ...input, action: 'save' }, 'answer'],
    [
      { ...pending, status: 'answered', published: true, answer: 'A' },
      { ...input, action: 'hide', answer: 'A' },
      { status: 'answered', published: false },
    ],
    [
      { ...pending, status: 'rejected', rejectReason: 'out_of_scope' },
      { ...input, action: 'publish', answer: 'Trả lời' },
      { status: 'answered', published: true, rejectReason: null },
    ],
    [{ ...pending, status: 'answered', published: true, answer: 'A' }, { ...input, action: 'reject', rejectReason: 'duplicate' }, { published: false }],
  ];
  for (const [from, act, want] of rows) {
    const r = review(from, act);
    if (typeof want === 'string') {
      assert.equal(r.ok, false, `${act.action} from ${from.status}`);
      if (!r.ok) assert.equal(r.errors[0]?.field, want);
    } else {
      assert.ok(r.ok, `${act.action} from ${from.status}`);
      if (r.ok) for (const [k, v] of Object.entries(want)) assert.equal(r.next[k as keyof ReviewState], v, `${act.action} from ${from.status}: ${k}`);
    }
  }
});
