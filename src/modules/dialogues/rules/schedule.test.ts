import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCommitment, isDay, isOverdue } from './commitments.ts';
import { checkQuestion, reviewQuestion } from './questions.ts';
import { acceptsQuestions, applyOutcome, checkDialogueDraft, dateToVietnamLocal, vietnamDayOf, vietnamLocalToDate } from './schedule.ts';

test('times typed in Vietnam are UTC+7 all year', () => {
  assert.equal(vietnamLocalToDate('2026-10-15T09:00')?.toISOString(), '2026-10-15T02:00:00.000Z');
  assert.equal(vietnamLocalToDate('2026-01-01T03:30')?.toISOString(), '2025-12-31T20:30:00.000Z');
  assert.equal(vietnamLocalToDate('2026-07-01 14:05:30')?.toISOString(), '2026-07-01T07:05:30.000Z');
  for (const bad of ['2026-02-30T09:00', '2026-10-15T24:00', '2026-10-15', '15/10/2026 09:00', '']) assert.equal(vietnamLocalToDate(bad), null, bad);
  assert.equal(dateToVietnamLocal(new Date('2026-10-15T02:00:00Z')), '2026-10-15T09:00');
  assert.equal(vietnamDayOf(new Date('2026-09-30T18:00:00Z')), '2026-10-01', '01:00 on 1 October in Vietnam');
});

test('a dialogue schedule: kind and format go together, the end after the start, each bad field named', () => {
  const at = (s: string) => vietnamLocalToDate(s);
  const ok = checkDialogueDraft({
    kind: 'business_coffee',
    format: 'site_visit',
    title: '  Cà phê doanh nhân quý IV ',
    place: 'Khu công nghiệp',
    startsAt: at('2026-10-15T08:00'),
    endsAt: at('2026-10-15T11:00'),
  });
  assert.ok(ok.ok);
  assert.equal(ok.value.title, 'Cà phê doanh nhân quý IV');
  assert.equal(ok.value.description, null);
  const fields = (input: Parameters<typeof checkDialogueDraft>[0]) => {
    const r = checkDialogueDraft(input);
    return r.ok ? [] : r.errors.map((e) => e.field);
  };
  assert.deepEqual(fields({ kind: 'radio', title: 'Đối thoại', place: 'Đài', startsAt: at('2026-10-15T10:00'), endsAt: at('2026-10-15T09:00') }), ['endsAt']);
  assert.deepEqual(fields({ kind: 'radio', title: 'Đối thoại', place: 'Đài', startsAt: at('2026-10-15T10:00'), endsAt: at('2026-10-15T10:00') }), ['endsAt']);
  assert.deepEqual(fields({ kind: 'radio', title: 'Đối thoại', place: 'Đài', startsAt: at('2026-10-15T10:00'), endsAt: at('2026-10-17T10:00') }), ['endsAt']);
  assert.deepEqual(
    fields({ kind: 'radio', format: 'meeting', title: 'Đối thoại', place: 'Đài', startsAt: at('2026-10-15T08:00'), endsAt: at('2026-10-15T09:00') }),
    ['format'],
  );
  assert.deepEqual(fields({ kind: 'business_coffee', title: 'Cà phê', place: 'UBND', startsAt: at('2026-10-15T08:00'), endsAt: at('2026-10-15T09:00') }), [
    'format',
  ]);
  assert.deepEqual(fields({ kind: 'tea', title: 'x', place: '', startsAt: null, endsAt: null }), ['kind', 'title', 'place', 'startsAt', 'endsAt']);
});

test('held, cancelled, summary: only from the right status, held not before the start, with a summary or a reason', () => {
  const startsAt = new Date('2026-10-15T02:00:00Z');
  const planned = { status: 'planned' as const, startsAt, cancelReason: null, summary: null };
  const before = new Date('2026-10-15T01:00:00Z');
  const after = new Date('2026-10-15T05:00:00Z');
  const held = applyOutcome(planned, 'hold', { summary: 'Đã trả lời 12 câu hỏi.' }, after);
  assert.ok(held.ok);
  assert.equal(held.next.status, 'held');
  const early = applyOutcome(planned, 'hold', { summary: 'Sớm' }, before);
  assert.ok(!early.ok && early.errors[0]?.field === 'status');
  const noSummary = applyOutcome(planned, 'hold', { summary: '  ' }, after);
  assert.ok(!noSummary.ok && noSummary.errors[0]?.field === 'summary');
  const cancelled = applyOutcome(planned, 'cancel', { reason: 'Mưa bão' }, before);
  assert.ok(cancelled.ok && cancelled.next.status === 'cancelled' && cancelled.next.cancelReason === 'Mưa bão');
  assert.ok(!applyOutcome(planned, 'cancel', { reason: '' }, before).ok);
  const again = applyOutcome(held.next, 'cancel', { reason: 'Muộn rồi' }, after);
  assert.ok(!again.ok && again.conflict);
  assert.ok(applyOutcome(held.next, 'summary', { summary: 'Sửa tóm tắt' }, after).ok);
  assert.ok(!applyOutcome(planned, 'summary', { summary: 'x' }, after).ok);
  assert.equal(acceptsQuestions(planned, before), true);
  assert.equal(acceptsQuestions(planned, after), false);
  assert.equal(acceptsQuestions({ ...planned, status: 'cancelled' }, before), false);
});

test('commitments: overdue when the deadline has passed and still open; closing needs a public outcome', () => {
  assert.equal(isOverdue({ status: 'open', deadline: '2026-11-30' }, '2026-12-01'), true);
  assert.equal(isOverdue({ status: 'open', deadline: '2026-11-30' }, '2026-11-30'), false, 'due today is not late');
  assert.equal(isOverdue({ status: 'done', deadline: '2026-11-30' }, '2027-01-01'), false);
  assert.equal(isDay('2026-02-29'), false);
  assert.equal(isDay('2028-02-29'), true);
  const ok = checkCommitment({ text: 'Sửa đèn đường', deadline: '2026-12-31' });
  assert.ok(ok.ok && ok.value.status === 'open' && ok.value.outcome === null);
  const closing = checkCommitment({ text: 'Sửa đèn đường', deadline: '2026-12-31', status: 'done' });
  assert.ok(!closing.ok && closing.errors.map((e) => e.field).join() === 'outcome');
  const bad = checkCommitment({ text: 'x', deadline: '31/12/2026', status: 'later' });
  assert.deepEqual(bad.ok ? [] : bad.errors.map((e) => e.field), ['text', 'deadline', 'status']);
});

test('questions from the public: length, contact needs consent; the answer is required to mark answered', () => {
  const ok = checkQuestion({ question: 'Khi nào sửa đường liên xã?', contact: '0912 345 678', consent: 'on' });
  assert.ok(ok.ok && ok.value.contact?.value === '0912345678');
  const noConsent = checkQuestion({ question: 'Khi nào sửa đường liên xã?', contact: '0912 345 678' });
  assert.deepEqual(noConsent.ok ? [] : noConsent.errors.map((e) => e.field), ['consent']);
  const short = checkQuestion({ question: 'Đường?' });
  assert.deepEqual(short.ok ? [] : short.errors.map((e) => e.field), ['question']);
  assert.deepEqual(reviewQuestion('answer', 'Quý I năm sau.'), { ok: true, status: 'answered', answer: 'Quý I năm sau.' });
  assert.ok(!reviewQuestion('answer', ' ').ok);
  assert.deepEqual(reviewQuestion('select', 'ignored'), { ok: true, status: 'selected', answer: null });
});
