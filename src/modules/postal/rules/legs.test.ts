import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStatuses, planStep } from './legs.ts';

test('legs go in order; delivered and returned are final; a failure needs its reason', () => {
  const out = { direction: 'outbound' as const, pickedUp: false };
  assert.deepEqual(nextStatuses({ ...out, status: 'created' }), ['picked_up', 'failed']);
  assert.deepEqual(planStep({ ...out, status: 'created' }, 'picked_up', null), { ok: true, step: 'result_to_post', to: 'picked_up' });
  assert.deepEqual(planStep({ ...out, status: 'picked_up', pickedUp: true }, 'in_transit', null), {
    ok: true,
    step: 'delivery_to_citizen',
    to: 'in_transit',
  });
  assert.equal(planStep({ ...out, status: 'delivered', pickedUp: true }, 'in_transit', null).ok, false);
  assert.equal(planStep({ ...out, status: 'returned', pickedUp: true }, 'delivered', null).ok, false);
  assert.equal(planStep({ ...out, status: 'created' }, 'delivered', null).ok, false);
  const noReason = planStep({ ...out, status: 'in_transit', pickedUp: true }, 'failed', null);
  assert.equal(noReason.ok, false);
  assert.equal(!noReason.ok && noReason.field, 'reason');
  // A failed delivery is tried again or sent back; a failed pick-up is picked up again.
  assert.deepEqual(nextStatuses({ ...out, status: 'failed', pickedUp: true }), ['in_transit', 'delivered', 'returned']);
  assert.deepEqual(nextStatuses({ ...out, status: 'failed', pickedUp: false }), ['picked_up', 'returned']);
  const inbound = { direction: 'inbound' as const };
  assert.deepEqual(planStep({ ...inbound, status: 'created', pickedUp: false }, 'failed', 'Vắng nhà'), { ok: true, step: 'pickup', to: 'failed' });
  assert.deepEqual(planStep({ ...inbound, status: 'in_transit', pickedUp: true }, 'delivered', null), { ok: true, step: 'delivery_to_desk', to: 'delivered' });
});
