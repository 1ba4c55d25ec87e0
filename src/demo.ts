import { sql } from 'drizzle-orm';
import { loadDemoAppointments } from './modules/appointments/index.ts';
import { loadDemoFeedback } from './modules/feedback/index.ts';
import { loadDemoPayments } from './modules/payments/index.ts';
import { loadDemoPostal } from './modules/postal/index.ts';
import { loadDemoProcedures } from './modules/procedures/index.ts';
import { loadDemoReform } from './modules/reform/index.ts';
import { loadDemoAccounts } from './modules/staff/index.ts';
import { linkDemoVolunteers, loadDemoSupportTeams } from './modules/support-teams/index.ts';
import { loadDemoUnits } from './modules/units/index.ts';
import { systemActor } from './platform/audit/index.ts';
import type { Platform } from './platform/context.ts';
import { inTransaction, one } from './platform/db/query.ts';

export interface DemoSummary {
  loaded: boolean;
  units: number;
  accounts: number;
  [key: string]: number | boolean;
}

/** Extra demo loaders contributed by modules (procedures, calendar …), run in order in the same transaction. */
export type DemoLoader = (p: Platform, tx: Platform['db']) => Promise<Record<string, number>>;
const extraLoaders: DemoLoader[] = [];
export function registerDemoLoader(loader: DemoLoader): void {
  extraLoaders.push(loader);
}

registerDemoLoader((_p, tx) => loadDemoProcedures(tx, systemActor('demo')));
registerDemoLoader((_p, tx) => loadDemoFeedback(tx));
registerDemoLoader((_p, tx) => loadDemoAppointments(tx));
registerDemoLoader((_p, tx) => loadDemoSupportTeams(tx, new Date()));
registerDemoLoader((_p, tx) => loadDemoPostal(tx));
// After the procedures: seed 004's same-day procedures are looked up in the demo catalogue.
registerDemoLoader((_p, tx) => loadDemoReform(tx));
// Collection accounts of the demo wards and communes (units only; there are no demo dossiers to charge fees on).
registerDemoLoader((_p, tx) => loadDemoPayments(tx));

/**
 * Loads the demo data (units, accounts, and each module's demo records) once per database,
 * in one transaction, under a transaction-scoped advisory lock so two processes starting
 * together load it once.
 */
export async function loadDemoData(p: Platform): Promise<DemoSummary> {
  return inTransaction(p.db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7402392)`);
    const done = await one(tx, sql`SELECT 1 FROM app_state WHERE key = 'demo_loaded'`);
    if (done) return { loaded: false, units: 0, accounts: 0 };
    const actor = systemActor('demo');
    const units = await loadDemoUnits(tx, actor);
    const summary: DemoSummary = { loaded: true, units, accounts: 0 };
    for (const loader of extraLoaders) Object.assign(summary, await loader(p, tx));
    summary.accounts = await loadDemoAccounts(tx, actor);
    // Records that point at demo accounts, once the accounts exist.
    Object.assign(summary, await linkDemoVolunteers(tx));
    await tx.execute(sql`INSERT INTO app_state (key, value) VALUES ('demo_loaded', ${JSON.stringify(summary)}::jsonb)`);
    return summary;
  });
}
