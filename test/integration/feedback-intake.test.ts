/**
 * Feedback intake (tiếp nhận phản ánh, kiến nghị), the core every channel calls: routing to the answering unit,
 * deadlines in that unit's working-day calendar, one item per idempotency key or channel message, acknowledgement
 * queued for the sender, audit without personal data.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFeedback, receiveFeedback } from '../../src/modules/feedback/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { makeUnit, startSystem } from '../helpers.ts';

const sys = await startSystem();
const db = sys.platform.db;
const pool = sys.platform.pool;
const province = await makeUnit(sys, { name: 'Tỉnh Phản Ánh' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Phản Ánh Một' });
const otherWard = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Phản Ánh Hai' });
const environment = await makeUnit(sys, { parent: province, kind: 'department', name: 'Sở Nông nghiệp và Môi trường' });
const actor = systemActor('test');

await pool.query(
  `INSERT INTO feedback_categories (code, name, unit_id, classify_days, answer_days) VALUES ('moi-truong', 'Môi trường', NULL, 3, 10), ('dat-dai', 'Đất đai', $1, 3, 15)`,
  [environment.id],
);

function checked(input: Record<string, unknown>, channel: 'web' | 'hotline' = 'web') {
  const c = checkFeedback(input, { channel });
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  return c.value;
}

test('an item about a place goes to that ward, answer due 10 working days later in its calendar (Friday → two weeks on)', async () => {
  // Friday 2026-11-06, 09:00 Vietnam time: 10 working days later is Friday 2026-11-20.
  const r = await receiveFeedback(db, actor, {
    channel: 'web',
    item: checked({
      category: 'moi-truong',
      description: 'Rác thải đổ trộm ven kênh, bốc mùi cả tuần nay',
      place: ward.code,
      name: 'Lê Văn Tám',
      email: 'tam@example.vn',
      consent: 'on',
    }),
    addressedUnitCode: null,
    now: new Date('2026-11-06T02:00:00Z'),
  });
  assert.equal(r.created, true);
  assert.equal(r.unitCode, ward.code);
  assert.match(r.code, /^[A-HJKMNP-Z2-9]{8}$/);
  assert.equal(r.answerDueAt.slice(0, 10), '2026-11-20');
  const { rows } = await pool.query(
    `SELECT f.status, f.classify_due_at, n.recipient, n.subject, n.body FROM feedback f JOIN notifications n ON n.about = 'feedback:' || f.code WHERE f.code = $1`,
    [r.code],
  );
  assert.equal(rows[0].status, 'received');
  assert.equal(rows[0].recipient, 'tam@example.vn');
  assert.match(rows[0].body, new RegExp(`mã ${r.code}.*Hạn trả lời: 20/11/2026`));
  const audit = await pool.query(`SELECT after FROM audit_log WHERE action = 'feedback.receive' AND entity_id = $1`, [r.code]);
  assert.equal(audit.rowCount, 1);
  assert.doesNotMatch(JSON.stringify(audit.rows[0].after), /Tám|tam@example/);
});

test('a category with a responsible unit sends the item there, with its own time limit', async () => {
  const r = await receiveFeedback(db, actor, {
    channel: 'hotline',
    item: checked({ category: 'dat-dai', description: 'Tranh chấp ranh giới đất với nhà bên cạnh', place: ward.code }, 'hotline'),
    addressedUnitCode: null,
    now: new Date('2026-11-06T02:00:00Z'),
  });
  assert.equal(r.unitCode, environment.code);
  // 15 working days from Friday 6 November: Friday 27 November.
  assert.equal(r.answerDueAt.slice(0, 10), '2026-11-27');
});

test('a routing rule by keyword wins over the category default', async () => {
  await pool.query(`INSERT INTO feedback_routing_rules (position, keywords, target_unit_id) VALUES (1, 'chiếu sáng, đèn đường', $1)`, [otherWard.id]);
  const r = await receiveFeedback(db, actor, {
    channel: 'web',
    item: checked({ category: 'moi-truong', description: 'Den duong hong ca day pho, toi om', place: ward.code }),
    addressedUnitCode: null,
  });
  assert.equal(r.unitCode, otherWard.code);
  await pool.query(`DELETE FROM feedback_routing_rules`);
});

test('the same idempotency key or channel message makes one item', async () => {
  const input = {
    channel: 'web' as const,
    item: checked({ description: 'Ổ gà lớn giữa đường, xe máy té ngã' }),
    addressedUnitCode: ward.code,
    idempotencyKey: 'key-feedback-0001',
  };
  const [a, b] = await Promise.all([receiveFeedback(db, actor, input), receiveFeedback(db, actor, input)]);
  assert.equal(a.code, b.code);
  assert.deepEqual([a.created, b.created].sort(), [false, true]);
  const zalo = {
    channel: 'web' as const,
    item: checked({ description: 'Tin nhắn gửi hai lần do mạng chập chờn' }),
    addressedUnitCode: ward.code,
    externalRef: 'msg-42',
  };
  const c = await receiveFeedback(db, actor, zalo);
  const d = await receiveFeedback(db, actor, zalo);
  assert.equal(c.code, d.code);
  assert.equal(d.created, false);
});

test('unknown units, categories and places are named; a contact without consent is refused', async () => {
  await assert.rejects(
    receiveFeedback(db, actor, { channel: 'web', item: checked({ description: 'Nội dung đủ dài để gửi đi' }), addressedUnitCode: 'khong-co' }),
    { code: 'UNIT_NOT_FOUND' },
  );
  await assert.rejects(
    receiveFeedback(db, actor, { channel: 'web', item: checked({ description: 'Nội dung đủ dài để gửi đi', category: 'khong-co' }), addressedUnitCode: null }),
    (e: { errors?: { field: string }[] }) => e.errors?.[0]?.field === 'category',
  );
  const c = checkFeedback({ description: 'Nội dung đủ dài để gửi đi', phone: '0912345678' }, { channel: 'web' });
  assert.equal(c.ok, false);
  assert.ok(!c.ok && c.errors.some((e) => e.field === 'consent'));
});
