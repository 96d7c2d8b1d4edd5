/** Plain-language wording of retention rules, shared by every view that shows them. */
import { tryParsePeriod } from '../../druid/period.ts';
import { type RuleAction, ruleAction } from '../../druid/rule-matching.ts';
import type { Rule, TieredReplicants } from '../../druid/rule-schemas.ts';

export const ACTION_LABEL: Record<RuleAction, string> = { load: 'Load', drop: 'Drop', broadcast: 'Broadcast' };

const PERIOD_UNITS = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
  ['millis', 'millisecond'],
] as const;

/** `P1Y2M` → "1 year 2 months"; null when the text is not a period. */
export function periodInWords(text: string): string | null {
  const period = tryParsePeriod(text);
  if (!period) return null;
  const parts = PERIOD_UNITS.filter(([field]) => period[field] !== 0).map(
    ([field, unit]) => `${period[field]} ${unit}${Math.abs(period[field]) === 1 ? '' : 's'}`,
  );
  return parts.length ? parts.join(' ') : 'no time at all';
}

function periodText(text: string): string {
  const words = periodInWords(text);
  return words ? `${words} (${text})` : text;
}

/** Where a rule applies, e.g. "the last 1 month (P1M), future data included". */
export function ruleScopeText(rule: Rule): string {
  switch (rule.type) {
    case 'loadForever':
    case 'dropForever':
    case 'broadcastForever':
      return 'forever';
    case 'loadByInterval':
    case 'broadcastByInterval':
      return `segments overlapping ${rule.interval}`;
    case 'dropByInterval':
      return `segments within ${rule.interval}`;
    case 'loadByPeriod':
    case 'dropByPeriod':
    case 'broadcastByPeriod':
      return `the last ${periodText(rule.period)}, future data ${rule.includeFuture ? 'included' : 'excluded'}`;
    case 'dropBeforeByPeriod':
      return `data older than ${periodText(rule.period)}`;
  }
}

/** `{_default_tier: 2, hot: 1}` → "_default_tier × 2, hot × 1". */
export function replicantsText(replicants: TieredReplicants): string {
  const entries = Object.entries(replicants);
  if (entries.length === 0 || entries.every(([, count]) => count === 0))
    return 'no replicas: kept used, queryable from deep storage only';
  return entries.map(([tier, count]) => `${tier} × ${count}`).join(', ');
}

/** One line per rule, e.g. "Load the last 1 month (P1M), future data included; _default_tier × 2". */
export function ruleSentence(rule: Rule): string {
  const head = `${ACTION_LABEL[ruleAction(rule)]} ${ruleScopeText(rule)}`;
  return 'tieredReplicants' in rule ? `${head}; ${replicantsText(rule.tieredReplicants)}` : head;
}
