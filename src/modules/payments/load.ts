import type { Db } from '../../platform/db/pool.ts';
import { type FeeView, feeView } from './present.ts';
import { type AccountRow, accountFor, findAccount, listFeesOfDossier } from './queries.ts';

/** A dossier's fees with their accounts (the fee's own, else the counter's or the unit's default now). */
export async function loadFeeViews(db: Db, dossier: { id: number; unit_id: number }): Promise<FeeView[]> {
  const fees = await listFeesOfDossier(db, dossier.id);
  const cache = new Map<string, AccountRow | null>();
  const out: FeeView[] = [];
  for (const f of fees) {
    const key = f.account_id === null ? `c:${f.counter ?? ''}` : `a:${f.account_id}`;
    if (!cache.has(key)) cache.set(key, f.account_id !== null ? await findAccount(db, f.account_id) : await accountFor(db, dossier.unit_id, f.counter));
    out.push(feeView(f, cache.get(key) ?? null));
  }
  return out;
}
