import { recordAudit, systemActor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { proposeApologies, proposeFromSettledDossiers } from '../queries.ts';
import { apologyText, dossierEvents, LOOKBACK_DAYS } from '../rules/events.ts';
import { isCongratulation } from '../rules/kinds.ts';
import { defaultTemplates } from '../rules/templates.ts';

export interface ProposalResult {
  marriage: number;
  birth: number;
  death: number;
  apology: number;
}

/**
 * The proposal sweep (đề xuất thư tự động): drafts for dossiers settled in the last 60 days — marriage and birth
 * registrations (congratulations, unless the applicant opted out), death registrations (condolences), dossiers settled
 * late or given an apology-and-extension document (apologies). Each event is proposed once, ever: the unique (event_kind,
 * source_ref) with ON CONFLICT DO NOTHING makes repeated and concurrent runs propose nothing new. Bounded: at most
 * `batch` per event kind and run (the job runs again). Each proposal has its audit row.
 */
export async function proposeLetters(db: Db, now: Date, opts: { batch?: number } = {}): Promise<ProposalResult> {
  const batch = opts.batch ?? 200;
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 24 * 3600_000);
  const actor = systemActor('letters');
  const result: ProposalResult = { marriage: 0, birth: 0, death: 0, apology: 0 };
  const audit = async (tx: Db, made: { id: number; unit_id: number }[], kind: string, event: string) => {
    for (const m of made)
      await recordAudit(tx, actor, { action: 'letter.propose', entityType: 'letter', entityId: m.id, unitId: m.unit_id, after: { kind, event } });
  };
  for (const e of dossierEvents) {
    const t = defaultTemplates[e.kind];
    const made = await inTransaction(db, async (tx) => {
      const rows = await proposeFromSettledDossiers(
        tx,
        { event: e.event, kind: e.kind, codes: e.codes, eventText: e.eventText, title: t.title, body: t.body, congratulation: isCongratulation(e.kind) },
        since,
        batch,
      );
      await audit(tx, rows, e.kind, e.event);
      return rows.length;
    });
    result[e.event] = made;
  }
  const t = defaultTemplates.apology;
  result.apology = await inTransaction(db, async (tx) => {
    const rows = await proposeApologies(tx, { title: t.title, body: t.body, text: apologyText }, since, batch);
    await audit(tx, rows, 'apology', 'apology');
    return rows.length;
  });
  return result;
}
