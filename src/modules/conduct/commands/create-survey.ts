import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { insertSurvey } from '../queries.ts';
import type { SurveyDraft } from '../rules/survey.ts';

/** Creates a satisfaction survey (khảo sát sự hài lòng) of a unit with its questions. */
export async function createSurvey(db: Db, actor: Actor, unitId: number, draft: SurveyDraft): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = await insertSurvey(tx, unitId, draft, actor.userId);
    await recordAudit(tx, actor, {
      action: 'survey.create',
      entityType: 'survey',
      entityId: id,
      unitId,
      after: { title: draft.title, opensOn: draft.opensOn, closesOn: draft.closesOn, questions: draft.questions.length },
    });
    return id;
  });
}
