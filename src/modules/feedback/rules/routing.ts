/**
 * Which unit answers a new feedback item (điều phối): the first active routing rule, by position, whose conditions
 * all hold; otherwise the category's unit; otherwise the place's unit (a commune or ward); otherwise the unit the
 * sender addressed; otherwise the root unit. Pure: the rules and units are read by the caller.
 */
import type { FeedbackChannel } from './lifecycle.ts';

export interface RoutingRule {
  id: number;
  position: number;
  categoryId: number | null;
  /** The materialised path of the rule's place unit ('/1/5/'): matches that unit and its subtree. */
  placePath: string | null;
  channel: FeedbackChannel | null;
  /** Comma-separated words without diacritics, any of them. */
  keywords: string | null;
  targetUnitId: number;
}

export interface RoutingFacts {
  categoryId: number | null;
  categoryUnitId: number | null;
  placeUnitId: number | null;
  placePath: string | null;
  addressedUnitId: number | null;
  channel: FeedbackChannel;
  /** Title and description without diacritics, lower case (vn_unaccent or `foldVietnamese`). */
  text: string;
  rootUnitId: number;
}

export interface RoutingDecision {
  unitId: number;
  /** Why: the rule's id, or which default applied. */
  by: { rule: number } | { default: 'category' | 'place' | 'addressed' | 'root' };
}

/** Lower case, without Vietnamese diacritics (đ → d): the same folding as vn_unaccent in PostgreSQL. */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function ruleMatches(rule: RoutingRule, facts: RoutingFacts): boolean {
  if (rule.categoryId !== null && rule.categoryId !== facts.categoryId) return false;
  if (rule.channel !== null && rule.channel !== facts.channel) return false;
  if (rule.placePath !== null && !(facts.placePath ?? '').startsWith(rule.placePath)) return false;
  if (rule.keywords) {
    const words = rule.keywords
      .split(',')
      .map((w) => foldVietnamese(w.trim()))
      .filter(Boolean);
    if (words.length && !words.some((w) => facts.text.includes(w))) return false;
  }
  return true;
}

export function routeFeedback(rules: readonly RoutingRule[], facts: RoutingFacts): RoutingDecision {
  const ordered = [...rules].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const rule of ordered) if (ruleMatches(rule, facts)) return { unitId: rule.targetUnitId, by: { rule: rule.id } };
  if (facts.categoryUnitId !== null) return { unitId: facts.categoryUnitId, by: { default: 'category' } };
  if (facts.placeUnitId !== null) return { unitId: facts.placeUnitId, by: { default: 'place' } };
  if (facts.addressedUnitId !== null) return { unitId: facts.addressedUnitId, by: { default: 'addressed' } };
  return { unitId: facts.rootUnitId, by: { default: 'root' } };
}
