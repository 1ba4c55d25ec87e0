import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DossierAction, type DossierStatus, dossierActions, dossierStatuses, isLate, planTransition } from './lifecycle.ts';

// The specification, written out independently of the rule table: for each action, the statuses it may start from
// and where it leads ('=' keeps the status; 'resume' returns to the status before the pause).
const open = ['received', 'supplement_requested', 'accepted', 'in_processing', 'pending_approval', 'approved', 'result_ready'];
const expected: Record<DossierAction, Record<string, string>> = {
  accept: { received: 'accepted' },
  refuse: { received: 'refused' },
  request_supplement: { received: 'supplement_requested', in_processing: 'supplement_requested' },
  receive_supplement: { supplement_requested: 'resume' },
  start_processing: { accepted: 'in_processing' },
  hand_over: { in_processing: 'in_processing' },
  submit_for_approval: { in_processing: 'pending_approval' },
  approve: { pending_approval: 'approved' },
  send_back: { pending_approval: 'in_processing' },
  mark_result_ready: { approved: 'result_ready' },
  return_result: { result_ready: 'returned' },
  close: { returned: 'closed' },
  withdraw: Object.fromEntries(open.map((s) => [s, 'withdrawn'])),
  stop: Object.fromEntries(open.map((s) => [s, 'stopped'])),
  extend: { received: '=', accepted: '=', in_processing: '=', pending_approval: '=', approved: '=' },
};

const now = new Date('2026-03-02T03:00:00Z');
const future = new Date('2026-03-10T10:00:00Z');
const past = new Date('2026-02-25T10:00:00Z');

for (const action of dossierActions) {
  for (const status of dossierStatuses) {
    const want = expected[action][status];
    test(`${action} from ${status}: ${want ? `→ ${want}` : 'refused'}`, () => {
      const pausedFrom = status === 'supplement_requested' ? ('in_processing' as DossierStatus) : null;
      const r = planTransition({ status, pausedFrom, dueAt: future }, action, now);
      if (!want) {
        assert.equal(r.ok, false);
        if (!r.ok) {
          assert.ok(r.message.vi.length > 10);
          assert.equal(r.reason, ['refused', 'closed', 'withdrawn', 'stopped'].includes(status) ? 'final' : 'not_allowed');
        }
        return;
      }
      assert.equal(r.ok, true, r.ok ? '' : r.message.en);
      if (r.ok) assert.equal(r.to, want === '=' ? status : want === 'resume' ? 'in_processing' : want);
    });
  }
}

test('a refusal names the current status (and the refused target) in Vietnamese', () => {
  const r = planTransition({ status: 'received', pausedFrom: null, dueAt: future }, 'approve', now);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message.vi, /Đã tiếp nhận, đang kiểm tra hồ sơ/);
    assert.match(r.message.vi, /Đã phê duyệt/);
  }
});

test('a supplement received during the completeness check goes back to received', () => {
  const r = planTransition({ status: 'supplement_requested', pausedFrom: 'received', dueAt: future }, 'receive_supplement', now);
  assert.deepEqual(r, { ok: true, to: 'received' });
});

// Late dossiers: forward moves wait for an apology-and-extension; the rest stays possible.
const lateCases: { status: DossierStatus; action: DossierAction; ok: boolean }[] = [
  { status: 'received', action: 'accept', ok: false },
  { status: 'accepted', action: 'start_processing', ok: false },
  { status: 'in_processing', action: 'hand_over', ok: false },
  { status: 'in_processing', action: 'submit_for_approval', ok: false },
  { status: 'in_processing', action: 'request_supplement', ok: false },
  { status: 'pending_approval', action: 'approve', ok: false },
  { status: 'pending_approval', action: 'send_back', ok: false },
  { status: 'approved', action: 'mark_result_ready', ok: false },
  { status: 'in_processing', action: 'extend', ok: true },
  { status: 'received', action: 'refuse', ok: true },
  { status: 'in_processing', action: 'withdraw', ok: true },
  { status: 'in_processing', action: 'stop', ok: true },
  // Settled on time or not, a ready result can always be handed over and the dossier closed.
  { status: 'result_ready', action: 'return_result', ok: true },
  { status: 'returned', action: 'close', ok: true },
];
for (const c of lateCases) {
  test(`late dossier: ${c.action} from ${c.status} ${c.ok ? 'allowed' : 'refused until extended'}`, () => {
    const r = planTransition({ status: c.status, pausedFrom: null, dueAt: past }, c.action, now);
    assert.equal(r.ok, c.ok);
    if (!r.ok) assert.equal(r.reason, 'late');
  });
}

test('isLate: only while the clock runs, strictly after the due moment', () => {
  assert.equal(isLate({ status: 'in_processing', dueAt: past }, now), true);
  assert.equal(isLate({ status: 'in_processing', dueAt: now }, now), false);
  assert.equal(isLate({ status: 'supplement_requested', dueAt: past }, now), false);
  assert.equal(isLate({ status: 'result_ready', dueAt: past }, now), false);
  assert.equal(isLate({ status: 'closed', dueAt: past }, now), false);
});
