/**
 * The pending VNeID sign-ins of one browser session: each redirect to VNeID carries a fresh `state`, `nonce` and PKCE
 * verifier, kept server-side in the session (PostgreSQL, so any app process can take the callback). A callback takes
 * its flow out whatever happens next (one-time use) and is refused after FLOW_TTL_MS. A few flows may wait at once
 * (two tabs). Pure module: `now` is a parameter.
 */

export const FLOW_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 5;

export interface PendingFlow {
  state: string;
  nonce: string;
  verifier: string;
  /** Epoch ms. */
  startedAt: number;
}

/** The flows to keep after starting `flow`: expired ones dropped, the oldest dropped beyond MAX_PENDING. */
export function addFlow(flows: readonly PendingFlow[] | undefined, flow: PendingFlow, now: number): PendingFlow[] {
  const live = (flows ?? []).filter((f) => now - f.startedAt < FLOW_TTL_MS);
  return [...live, flow].slice(-MAX_PENDING);
}

export type TakenFlow = { outcome: 'ok'; flow: PendingFlow } | { outcome: 'unknown' } | { outcome: 'expired' };

/** Takes the flow with this `state` out of the list; `rest` is what stays in the session either way. */
export function takeFlow(flows: readonly PendingFlow[] | undefined, state: unknown, now: number): { taken: TakenFlow; rest: PendingFlow[] } {
  const list = flows ?? [];
  const flow = typeof state === 'string' && state.length > 0 ? list.find((f) => f.state === state) : undefined;
  const rest = list.filter((f) => f !== flow && now - f.startedAt < FLOW_TTL_MS);
  if (!flow) return { taken: { outcome: 'unknown' }, rest };
  if (now - flow.startedAt >= FLOW_TTL_MS || now < flow.startedAt) return { taken: { outcome: 'expired' }, rest };
  return { taken: { outcome: 'ok', flow }, rest };
}
