import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { deleteRoutingRule, insertRoutingRule, type RoutingRuleRow, setRoutingRuleActive } from '../handling-queries.ts';

export interface NewRoutingRule {
  position: number;
  categoryId: number | null;
  placeUnitId: number | null;
  channel: string | null;
  keywords: string | null;
  targetUnitId: number;
  note: string | null;
}

/** Adds a routing rule (quy tắc điều phối), audited. The caller has checked feedback.manage on the target unit. */
export async function addRoutingRule(db: Db, actor: Actor, v: NewRoutingRule): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = await insertRoutingRule(tx, v);
    await recordAudit(tx, actor, { action: 'feedback.rule.create', entityType: 'feedback_routing_rule', entityId: id, unitId: v.targetUnitId, after: v });
    return id;
  });
}

/** Turns a rule on or off, or deletes it, audited. The caller has checked feedback.manage on its target unit. */
export async function changeRoutingRule(db: Db, actor: Actor, rule: RoutingRuleRow, change: 'enable' | 'disable' | 'delete'): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (change === 'delete') await deleteRoutingRule(tx, rule.id);
    else await setRoutingRuleActive(tx, rule.id, change === 'enable');
    await recordAudit(tx, actor, {
      action: `feedback.rule.${change}`,
      entityType: 'feedback_routing_rule',
      entityId: rule.id,
      unitId: rule.target_unit_id,
      before: { active: rule.active, target: rule.target_code, keywords: rule.keywords },
    });
  });
}
