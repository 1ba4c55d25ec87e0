import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { findResponseByKey, insertResponse, type NewResponse } from '../queries.ts';

/**
 * Records one filled survey form, online or typed in from paper, once per idempotency key: a double submit, a retry
 * after a lost answer or two racing requests keep the first. The audit row says which channel and how many answers,
 * never the answers, the name or the contact.
 */
export async function recordSurveyResponse(db: Db, actor: Actor, r: NewResponse): Promise<{ id: number; created: boolean }> {
  if (r.key) {
    const existing = await findResponseByKey(db, r.surveyId, r.key);
    if (existing) return { id: existing.id, created: false };
  }
  const id = await inTransaction(db, async (tx) => {
    const inserted = await insertResponse(tx, r);
    if (inserted === null) return null;
    await recordAudit(tx, actor, {
      action: r.channel === 'paper' ? 'survey.response.enter' : 'survey.response.submit',
      entityType: 'survey_response',
      entityId: inserted,
      unitId: r.unitId,
      after: { survey: r.surveyId, answers: r.response.answers.length, withContact: r.response.contact !== null },
    });
    return inserted;
  });
  if (id !== null) return { id, created: true };
  // The key was taken between the look-up and the insert: the other request's response stands.
  const existing = r.key ? await findResponseByKey(db, r.surveyId, r.key) : null;
  if (!existing) throw new Error('survey response vanished after an idempotency clash');
  return { id: existing.id, created: false };
}
