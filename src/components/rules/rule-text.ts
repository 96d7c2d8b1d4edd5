/** Plain-language wording of retention rules, shared by every view that shows them. */

import { tryParseInterval } from '../../druid/interval.ts';
import { tryParsePeriod } from '../../druid/period.ts';
import { type RuleAction, ruleAction } from '../../druid/rule-matching.ts';
import type { Rule, RuleType, TieredReplicants } from '../../druid/rule-schemas.ts';
import { formatUtc } from '../format-time.ts';

export const ACTION_LABEL: Record<RuleAction, string> = { load: 'Load', drop: 'Drop', broadcast: 'Broadcast' };

export const RULE_TYPE_LABEL: Record<RuleType, string> = {
  loadForever: 'Load forever',
  loadByInterval: 'Load by interval',
  loadByPeriod: 'Load by period',
  dropForever: 'Drop forever',
  dropByInterval: 'Drop by interval',
  dropByPeriod: 'Drop by period',
  dropBeforeByPeriod: 'Drop before period',
  broadcastForever: 'Broadcast forever',
  broadcastByInterval: 'Broadcast by interval',
  broadcastByPeriod: 'Broadcast by period',
};

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

/**
 * What a one-line summary reads, loose enough for the editor's half-typed values: tiers as [name, count] pairs
 * whose count may still be text.
 */
export interface RuleSummaryFields {
  type: RuleType;
  period?: string;
  interval?: string;
  includeFuture?: boolean;
  tiers?: ReadonlyArray<readonly [string, number | string]>;
}

/** `2015-09-12T00:00:00.000Z` → "2015-09-12", with the time (24-hour UTC) only when it is not midnight. */
function compactInstant(ms: number): string {
  return formatUtc(ms, { dateAtMidnight: true });
}

/** A valid interval in 24-hour UTC ("2015-09-12 – 2015-09-13"); other text as typed. */
export function compactInterval(text: string): string {
  const parsed = tryParseInterval(text.trim());
  if (!parsed.ok) return text.trim();
  return `${compactInstant(parsed.interval.start)} – ${compactInstant(parsed.interval.end)}`;
}

function tiersText(tiers: ReadonlyArray<readonly [string, number | string]>): string {
  if (tiers.length === 0 || tiers.every(([, count]) => String(count).trim() === '0')) return 'no replicas';
  return tiers.map(([tier, count]) => `${tier.trim() || 'no tier'} ×${String(count).trim() || '?'}`).join(', ');
}

/**
 * The parts of a rule's one-line summary after its type, e.g. ["P1M", "_default_tier ×2", "future included"]: what
 * tells two rules of one type apart, short enough for a collapsed card; none for drop and broadcast forever.
 */
export function ruleSummaryParts(fields: RuleSummaryFields): string[] {
  const parts: string[] = [];
  if (fields.interval !== undefined) parts.push(compactInterval(fields.interval) || 'no interval yet');
  if (fields.period !== undefined) {
    const period = fields.period.trim() || 'no period yet';
    parts.push(fields.type === 'dropBeforeByPeriod' ? `older than ${period}` : period);
  }
  if (fields.tiers !== undefined) parts.push(tiersText(fields.tiers));
  if (fields.includeFuture !== undefined) parts.push(`future ${fields.includeFuture ? 'included' : 'excluded'}`);
  return parts;
}

/** A parsed rule's summary fields: only the fields its type has. */
export function ruleSummaryFields(rule: Rule): RuleSummaryFields {
  return {
    type: rule.type,
    ...('interval' in rule && { interval: rule.interval }),
    ...('period' in rule && { period: rule.period }),
    ...('tieredReplicants' in rule && { tiers: Object.entries(rule.tieredReplicants) }),
    ...('includeFuture' in rule && { includeFuture: rule.includeFuture }),
  };
}

/** One line per rule, e.g. "Load by period P1M · _default_tier ×2 · future included". */
export function ruleOneLine(rule: Rule): string {
  return [RULE_TYPE_LABEL[rule.type], ruleSummaryParts(ruleSummaryFields(rule)).join(' · ')].filter(Boolean).join(' ');
}
