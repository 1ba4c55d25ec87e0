import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addFlow, FLOW_TTL_MS, type PendingFlow, takeFlow } from './sign-in-flow.ts';

const flow = (state: string, startedAt: number): PendingFlow => ({ state, nonce: `n-${state}`, verifier: `v-${state}`, startedAt });
const T = 1_800_000_000_000;

test('a callback takes its flow once, within 10 minutes', () => {
  const flows = addFlow(addFlow(undefined, flow('a', T), T), flow('b', T + 1000), T + 1000);
  const cases: { name: string; state: unknown; now: number; outcome: string; rest: string[] }[] = [
    { name: 'known state', state: 'a', now: T + 5000, outcome: 'ok', rest: ['b'] },
    { name: 'second tab', state: 'b', now: T + 5000, outcome: 'ok', rest: ['a'] },
    { name: 'unknown state keeps the others', state: 'x', now: T + 5000, outcome: 'unknown', rest: ['a', 'b'] },
    { name: 'missing state', state: undefined, now: T + 5000, outcome: 'unknown', rest: ['a', 'b'] },
    { name: 'empty state', state: '', now: T + 5000, outcome: 'unknown', rest: ['a', 'b'] },
    { name: 'just under 10 minutes', state: 'a', now: T + FLOW_TTL_MS - 1, outcome: 'ok', rest: ['b'] },
    { name: 'at 10 minutes', state: 'a', now: T + FLOW_TTL_MS, outcome: 'expired', rest: ['b'] },
    { name: 'a clock behind the start', state: 'a', now: T - 1, outcome: 'expired', rest: ['b'] },
  ];
  for (const c of cases) {
    const { taken, rest } = takeFlow(flows, c.state, c.now);
    assert.equal(taken.outcome, c.outcome, c.name);
    assert.deepEqual(
      rest.map((f) => f.state),
      c.rest,
      c.name,
    );
  }
  const { taken, rest } = takeFlow(flows, 'a', T + 5000);
  assert.ok(taken.outcome === 'ok' && taken.flow.verifier === 'v-a');
  assert.equal(takeFlow(rest, 'a', T + 6000).taken.outcome, 'unknown', 'taken once: a replay finds nothing');
});

test('starting a flow drops expired ones and keeps at most five', () => {
  let flows: PendingFlow[] = [flow('old', T - FLOW_TTL_MS)];
  for (let i = 0; i < 7; i++) flows = addFlow(flows, flow(`s${i}`, T + i), T + i);
  assert.deepEqual(
    flows.map((f) => f.state),
    ['s2', 's3', 's4', 's5', 's6'],
  );
});
