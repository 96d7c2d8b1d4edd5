/**
 * The one wording of every rule field problem: the card shows it under the field, the save bar and the JSON tab
 * show the same text after the rule's position. Plain words, no Java parser wording (`Bad interval[…]`); interval
 * problems are the shared interval field's own words, so the card's picker and the save bar never disagree.
 */
import { describeIntervalProblem } from '../../components/interval-picker/interval-text.ts';
import { isNegativePeriod, tryParsePeriod } from '../../druid/period.ts';
import type { RuleType } from '../../druid/rule-schemas.ts';

const MAX_REPLICAS = 2_147_483_647;

export const RULE_MESSAGES = {
  periodMissing: 'Enter a period such as P1M or PT6H.',
  periodInvalid: 'Period must be an ISO 8601 period such as P1M or PT6H.',
  periodBackwards: 'Period must not go back in time: Druid fails when it applies such a rule.',
  tierMissing: 'Enter a tier name.',
  replicasInvalid: 'Replicas must be a whole number, 0 or more.',
} as const;

export function periodProblem(text: string, now: number): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return RULE_MESSAGES.periodMissing;
  const period = tryParsePeriod(trimmed);
  if (!period) return RULE_MESSAGES.periodInvalid;
  return isNegativePeriod(period, now) ? RULE_MESSAGES.periodBackwards : null;
}

export function intervalProblem(text: string): string | null {
  return describeIntervalProblem(text);
}

export function tierProblem(tier: string, earlier: ReadonlySet<string>): string | null {
  if (tier.trim() === '') return RULE_MESSAGES.tierMissing;
  return earlier.has(tier) ? `Tier “${tier}” is listed twice.` : null;
}

export function replicasProblem(text: string): string | null {
  const count = text.trim();
  return /^\d+$/.test(count) && Number(count) <= MAX_REPLICAS ? null : RULE_MESSAGES.replicasInvalid;
}

/** `loadByPeriod` → "Load by period", `dropBeforeByPeriod` → "Drop before period": the names of the type menu. */
export function ruleTypeLabel(type: RuleType): string {
  const words = type.replace('BeforeBy', 'Before').replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Rule 2 (Load by period)" or "Rule 3 (Load forever), tier row 1": where a problem is, before its message. */
export function ruleProblemPlace(index: number, type: RuleType, tierRow?: number): string {
  const rule = `Rule ${index + 1} (${ruleTypeLabel(type)})`;
  return tierRow === undefined ? rule : `${rule}, tier row ${tierRow + 1}`;
}
