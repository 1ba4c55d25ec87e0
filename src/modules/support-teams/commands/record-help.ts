import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { findHelpByKey, insertHelp, type MemberRow } from '../queries.ts';
import type { HelpDraft } from '../rules/help.ts';

/**
 * Records one help given by a member (người dân được hỗ trợ), with its audit row. Nothing about the person helped is
 * kept except the dossier code when there is one. A repeated form key records nothing more (`duplicate`). The caller
 * has checked support-teams.record on the member's unit and, for a volunteer, that the member is on their team.
 */
export async function recordHelp(
  db: Db,
  actor: Actor,
  member: MemberRow,
  h: HelpDraft,
  idempotencyKey: string | null,
): Promise<{ id: number | null; duplicate: boolean }> {
  return inTransaction(db, async (tx) => {
    const id = await insertHelp(tx, member, h, actor.userId, idempotencyKey);
    if (id === null) return { id: idempotencyKey ? await findHelpByKey(tx, actor.userId, idempotencyKey) : null, duplicate: true };
    await recordAudit(tx, actor, {
      action: 'support-help.record',
      entityType: 'support_help',
      entityId: id,
      unitId: member.unit_id,
      after: { member: member.id, team: member.team_id, kind: h.kind, helpedOn: h.helpedOn, dossierCode: h.dossierCode },
    });
    return { id, duplicate: false };
  });
}
