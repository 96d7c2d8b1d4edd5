/**
 * Warnings about rule lists that Druid itself accepts silently: dead rules, loads that keep nothing on any server,
 * load rules whose older data falls through to the defaults, drops of existing data, tiers without servers.
 */
import {
  computeEffectiveRetention,
  type EffectiveRetention,
  type RetentionSegment,
  type RetentionSegmentColumns,
} from './effective-retention.ts';
import { formatBytes } from './format-bytes.ts';
import { tryParseInterval } from './interval.ts';
import { tryParsePeriod } from './period.ts';
import { reachability } from './rule-coverage.ts';
import {
  describeRule,
  findMatchingRule,
  isDropRule,
  isForeverRule,
  isLoadRule,
  periodWindow,
  ruleBox,
  totalReplicas,
} from './rule-matching.ts';
import type { Rule } from './rule-schemas.ts';

export type LintSeverity = 'error' | 'warning' | 'info';

export type RuleLintCode =
  | 'empty-default-rules'
  | 'invalid-period'
  | 'invalid-interval'
  | 'negative-period'
  | 'unreachable-after-forever'
  | 'unreachable-covered'
  | 'never-matches'
  | 'zero-replicas'
  | 'unknown-tier'
  | 'load-without-drop'
  | 'drops-existing-data'
  | 'no-matching-rule';

export interface RuleLint {
  /** 0-based position in the linted list, or null for the list as a whole. */
  ruleIndex: number | null;
  code: RuleLintCode;
  severity: LintSeverity;
  message: string;
}

export interface LintRulesInput {
  rules: readonly Rule[];
  /** True when `rules` are the cluster's `_default` rules. */
  isDefault?: boolean;
  /** The `_default` rules a datasource's rules fall through to; Druid's factory default `loadForever` if absent. */
  defaultRules?: readonly Rule[];
  /** Reference time for period rules (epoch ms). */
  now: number;
  /** The datasource's existing used segments, to find drops of current data. */
  segments?: readonly RetentionSegment[] | RetentionSegmentColumns;
  /** The effective retention of these rules over `segments`, when the caller has it already (saves computing it). */
  retention?: EffectiveRetention;
  /** Tiers that have servers (`GET /druid/coordinator/v1/tiers`). */
  tiers?: readonly string[];
}

const FACTORY_DEFAULT_RULES: readonly Rule[] = [
  { type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true },
];

const numberFormat = new Intl.NumberFormat('en-US');

const label = (rule: Rule, index: number) => `Rule ${index + 1} (${describeRule(rule)})`;

function plural(count: number, noun: string): string {
  return `${numberFormat.format(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** Bad periods and intervals (possible in unvalidated form state) and periods Druid cannot apply. */
function lintDefinitions(rule: Rule, index: number, now: number): RuleLint[] {
  if ('period' in rule) {
    if (!tryParsePeriod(rule.period))
      return [
        {
          ruleIndex: index,
          code: 'invalid-period',
          severity: 'error',
          message: `${label(rule, index)}: period "${rule.period}" is not a valid ISO-8601 period.`,
        },
      ];
    if (!periodWindow(rule.period, now))
      return [
        {
          ruleIndex: index,
          code: 'negative-period',
          severity: 'error',
          message: `${label(rule, index)}: the period goes backwards, so the window would end before it starts; Druid fails when it applies this rule.`,
        },
      ];
  }
  if ('interval' in rule) {
    const parsed = tryParseInterval(rule.interval);
    if (!parsed.ok)
      return [
        {
          ruleIndex: index,
          code: 'invalid-interval',
          severity: 'error',
          message: `${label(rule, index)}: ${parsed.error}`,
        },
      ];
  }
  return [];
}

function lintReachability(rules: readonly Rule[], now: number): RuleLint[] {
  const lints: RuleLint[] = [];
  const boxes = rules.map((rule) => ruleBox(rule, now));
  const forever = rules.findIndex(isForeverRule);
  rules.forEach((rule, index) => {
    if (forever >= 0 && index > forever) {
      const by = rules[forever] as Rule;
      lints.push({
        ruleIndex: index,
        code: 'unreachable-after-forever',
        severity: 'warning',
        message: `${label(rule, index)} can never match: ${label(by, forever)} before it matches every segment.`,
      });
      return;
    }
    const result = reachability(boxes, index);
    if (result.kind === 'empty' && lintDefinitions(rule, index, now).length === 0)
      lints.push({
        ruleIndex: index,
        code: 'never-matches',
        severity: 'warning',
        message: `${label(rule, index)} can never match any segment.`,
      });
    if (result.kind === 'covered') {
      const names = result.by.map((i) => String(i + 1)).join(', ');
      lints.push({
        ruleIndex: index,
        code: 'unreachable-covered',
        severity: 'warning',
        message: `${label(rule, index)} can never match: every segment it applies to is already matched by rule${result.by.length === 1 ? '' : 's'} ${names}.`,
      });
    }
  });
  return lints;
}

function lintReplicas(rule: Rule, index: number, tiers: readonly string[] | undefined): RuleLint[] {
  if (!isLoadRule(rule)) return [];
  const lints: RuleLint[] = [];
  if (totalReplicas(rule) === 0)
    lints.push({
      ruleIndex: index,
      code: 'zero-replicas',
      severity: 'warning',
      message: `${label(rule, index)} loads matching segments on no server: they stay used but are only queryable from deep storage.`,
    });
  if (tiers) {
    for (const [tier, replicas] of Object.entries(rule.tieredReplicants)) {
      if (replicas > 0 && !tiers.includes(tier))
        lints.push({
          ruleIndex: index,
          code: 'unknown-tier',
          severity: 'warning',
          message: `${label(rule, index)}: tier "${tier}" has no servers, so its ${plural(replicas, 'replica')} cannot be loaded.`,
        });
    }
  }
  return lints;
}

/** A load-by-period whose older data is not dropped by a later rule falls through to the (loading) defaults. */
function lintLoadWithoutDrop(
  rules: readonly Rule[],
  defaults: readonly Rule[],
  index: number,
  now: number,
): RuleLint[] {
  const rule = rules[index] as Rule;
  if (rule.type !== 'loadByPeriod') return [];
  const window = periodWindow(rule.period, now);
  if (!window) return [];
  const justBefore = { start: window.start - 1, end: window.start };
  const match = findMatchingRule(rules, defaults, justBefore, now);
  if (match && (match.source === 'datasource' || isDropRule(match.rule))) return [];
  const fate = match
    ? `falls through to the default rule ${describeRule(match.rule)} and is kept`
    : 'matches no rule and is left as it is';
  const hasLaterDrop = rules.slice(index + 1).some(isDropRule);
  const problem = hasLaterDrop
    ? `: no later rule catches the data just older than ${rule.period}: it ${fate}`
    : ` is not followed by a drop rule: data older than ${rule.period} ${fate}`;
  const advice = hasLaterDrop ? 'Make the drop rule start where this one ends' : 'Add dropForever after it';
  return [
    {
      ruleIndex: index,
      code: 'load-without-drop',
      severity: 'warning',
      message: `${label(rule, index)}${problem}. ${advice} to keep only ${rule.period}.`,
    },
  ];
}

function lintExistingData(input: LintRulesInput, defaults: readonly Rule[]): RuleLint[] {
  if (!input.segments) return [];
  const retention =
    input.retention ??
    (input.isDefault
      ? computeEffectiveRetention({ rules: [], defaultRules: input.rules, segments: input.segments, now: input.now })
      : computeEffectiveRetention({
          rules: input.rules,
          defaultRules: defaults,
          segments: input.segments,
          now: input.now,
        }));
  const own = input.isDefault ? 'default' : 'datasource';
  const lints: RuleLint[] = [];
  for (const slot of retention.slots) {
    if (slot.source !== own || slot.action !== 'drop' || slot.count === 0) continue;
    lints.push({
      ruleIndex: slot.index,
      code: 'drops-existing-data',
      severity: 'warning',
      message: `${label(slot.rule, slot.index)} will drop ${plural(slot.count, 'existing segment')} (${formatBytes(slot.bytes)}) and mark them unused.`,
    });
  }
  if (retention.totals.none.count > 0)
    lints.push({
      ruleIndex: null,
      code: 'no-matching-rule',
      severity: 'warning',
      message: `${plural(retention.totals.none.count, 'existing segment')} match no rule; Druid leaves them as they are and alerts "Unable to find matching rules!".`,
    });
  return lints;
}

/** All lints for one rule list, in rule order, list-wide lints last. */
export function lintRules(input: LintRulesInput): RuleLint[] {
  const { rules, now } = input;
  if (input.isDefault && rules.length === 0)
    return [
      {
        ruleIndex: null,
        code: 'empty-default-rules',
        severity: 'error',
        message: 'Cluster-level rules cannot be empty.',
      },
    ];
  const defaults = input.defaultRules ?? FACTORY_DEFAULT_RULES;
  const lints: RuleLint[] = [
    ...rules.flatMap((rule, index) => lintDefinitions(rule, index, now)),
    ...lintReachability(rules, now),
    ...rules.flatMap((rule, index) => lintReplicas(rule, index, input.tiers)),
    // The defaults fall through to nothing: data a default period load leaves behind matches no rule.
    ...rules.flatMap((_, index) => lintLoadWithoutDrop(rules, input.isDefault ? [] : defaults, index, now)),
    ...lintExistingData(input, defaults),
  ];
  return lints.sort((a, b) => (a.ruleIndex ?? Number.POSITIVE_INFINITY) - (b.ruleIndex ?? Number.POSITIVE_INFINITY));
}
