/**
 * zod schemas of Druid's ten retention-rule types (`Rule.java` subtypes) with Druid's defaults applied, so a parsed
 * rule looks like what Druid itself serializes back. Unknown keys are kept (older or newer Druid versions may send
 * fields such as `colocatedDataSources`) and nothing Druid does not know is ever added.
 */
import { z } from 'zod';
import { tryParseInterval } from './interval.ts';
import { isValidPeriod } from './period.ts';

export const RULE_TYPES = [
  'loadForever',
  'loadByInterval',
  'loadByPeriod',
  'dropForever',
  'dropByInterval',
  'dropByPeriod',
  'dropBeforeByPeriod',
  'broadcastForever',
  'broadcastByInterval',
  'broadcastByPeriod',
] as const;

export type RuleType = (typeof RULE_TYPES)[number];

/** Druid's `DruidServer.DEFAULT_TIER` and `DEFAULT_NUM_REPLICANTS`. */
export const DEFAULT_TIER = '_default_tier';
export const DEFAULT_NUM_REPLICANTS = 2;
/** The rules key of the cluster-wide default rules (`druid.manager.rules.defaultRule`). */
export const DEFAULT_RULES_KEY = '_default';

export type TieredReplicants = Record<string, number>;

interface LoadFields {
  tieredReplicants: TieredReplicants;
  useDefaultTierForNull: boolean;
}

export interface LoadForeverRule extends LoadFields {
  type: 'loadForever';
}
export interface LoadByIntervalRule extends LoadFields {
  type: 'loadByInterval';
  interval: string;
}
export interface LoadByPeriodRule extends LoadFields {
  type: 'loadByPeriod';
  period: string;
  includeFuture: boolean;
}
export interface DropForeverRule {
  type: 'dropForever';
}
export interface DropByIntervalRule {
  type: 'dropByInterval';
  interval: string;
}
export interface DropByPeriodRule {
  type: 'dropByPeriod';
  period: string;
  includeFuture: boolean;
}
export interface DropBeforeByPeriodRule {
  type: 'dropBeforeByPeriod';
  period: string;
}
export interface BroadcastForeverRule {
  type: 'broadcastForever';
}
export interface BroadcastByIntervalRule {
  type: 'broadcastByInterval';
  interval: string;
}
export interface BroadcastByPeriodRule {
  type: 'broadcastByPeriod';
  period: string;
  includeFuture: boolean;
}

export type LoadRule = LoadForeverRule | LoadByIntervalRule | LoadByPeriodRule;
export type DropRule = DropForeverRule | DropByIntervalRule | DropByPeriodRule | DropBeforeByPeriodRule;
export type BroadcastRule = BroadcastForeverRule | BroadcastByIntervalRule | BroadcastByPeriodRule;
export type Rule = LoadRule | DropRule | BroadcastRule;

const periodSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'period is required' : 'period must be a string') })
  .check((ctx) => {
    if (!isValidPeriod(ctx.value))
      ctx.issues.push({
        code: 'custom',
        message: `period "${ctx.value}" is not a valid ISO-8601 period`,
        input: ctx.value,
      });
  });

const intervalSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'interval is required' : 'interval must be a string') })
  .check((ctx) => {
    const parsed = tryParseInterval(ctx.value);
    if (!parsed.ok)
      ctx.issues.push({
        code: 'custom',
        message: `interval "${ctx.value}" is not a valid interval: ${parsed.error}`,
        input: ctx.value,
      });
  });

/** A Boolean as Jackson reads it: true/false or the strings "true"/"false"; null or absent gives the default. */
function booleanSchema(field: string, defaultValue: boolean) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): boolean => {
      if (value === undefined || value === null) return defaultValue;
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      ctx.issues.push({ code: 'custom', message: `${field} must be true or false`, input: value });
      return defaultValue;
    });
}

/** Tier → replica count; every count an integer ≥ 0, with Druid's (`LoadRule.validateTieredReplicants`) messages. */
const tieredReplicantsSchema = z
  .record(z.string(), z.unknown(), {
    error: 'tieredReplicants must be an object mapping tier names to replica counts',
  })
  .transform((map, ctx): TieredReplicants => {
    const replicants: TieredReplicants = {};
    for (const [tier, value] of Object.entries(map)) {
      const prefix = `Invalid number of replicas for tier [${tier}].`;
      let problem: string | null = null;
      if (value === null || value === undefined) problem = `${prefix} Value must not be null.`;
      else if (typeof value !== 'number' || !Number.isInteger(value) || value > 2_147_483_647)
        problem = `${prefix} Value [${JSON.stringify(value)}] must be a whole number.`;
      else if (value < 0) problem = `${prefix} Value [${value}] must be positive.`;
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: value, path: [tier] });
      else replicants[tier] = value as number;
    }
    return replicants;
  });

const loadFields = {
  tieredReplicants: tieredReplicantsSchema.nullish(),
  useDefaultTierForNull: booleanSchema('useDefaultTierForNull', true),
};

/** Druid's `LoadRule.handleNullTieredReplicants`: an explicit map (even `{}`) is kept as it is. */
function withReplicants<T extends { tieredReplicants?: TieredReplicants | null; useDefaultTierForNull: boolean }>(
  rule: T,
): T & { tieredReplicants: TieredReplicants } {
  const fallback: TieredReplicants = rule.useDefaultTierForNull ? { [DEFAULT_TIER]: DEFAULT_NUM_REPLICANTS } : {};
  return { ...rule, tieredReplicants: rule.tieredReplicants ?? fallback };
}

const includeFuture = booleanSchema('includeFuture', true);

export const loadForeverRuleSchema = z
  .looseObject({ type: z.literal('loadForever'), ...loadFields })
  .transform((rule): LoadForeverRule => withReplicants(rule));
export const loadByIntervalRuleSchema = z
  .looseObject({ type: z.literal('loadByInterval'), interval: intervalSchema, ...loadFields })
  .transform((rule): LoadByIntervalRule => withReplicants(rule));
export const loadByPeriodRuleSchema = z
  .looseObject({ type: z.literal('loadByPeriod'), period: periodSchema, includeFuture, ...loadFields })
  .transform((rule): LoadByPeriodRule => withReplicants(rule));
export const dropForeverRuleSchema = z
  .looseObject({ type: z.literal('dropForever') })
  .transform((rule): DropForeverRule => rule);
export const dropByIntervalRuleSchema = z
  .looseObject({ type: z.literal('dropByInterval'), interval: intervalSchema })
  .transform((rule): DropByIntervalRule => rule);
export const dropByPeriodRuleSchema = z
  .looseObject({ type: z.literal('dropByPeriod'), period: periodSchema, includeFuture })
  .transform((rule): DropByPeriodRule => rule);
export const dropBeforeByPeriodRuleSchema = z
  .looseObject({ type: z.literal('dropBeforeByPeriod'), period: periodSchema })
  .transform((rule): DropBeforeByPeriodRule => rule);
export const broadcastForeverRuleSchema = z
  .looseObject({ type: z.literal('broadcastForever') })
  .transform((rule): BroadcastForeverRule => rule);
export const broadcastByIntervalRuleSchema = z
  .looseObject({ type: z.literal('broadcastByInterval'), interval: intervalSchema })
  .transform((rule): BroadcastByIntervalRule => rule);
export const broadcastByPeriodRuleSchema = z
  .looseObject({ type: z.literal('broadcastByPeriod'), period: periodSchema, includeFuture })
  .transform((rule): BroadcastByPeriodRule => rule);

/** One retention rule, discriminated on `type`, with Druid's defaults applied. */
export const ruleSchema = z.discriminatedUnion('type', [
  loadForeverRuleSchema,
  loadByIntervalRuleSchema,
  loadByPeriodRuleSchema,
  dropForeverRuleSchema,
  dropByIntervalRuleSchema,
  dropByPeriodRuleSchema,
  dropBeforeByPeriodRuleSchema,
  broadcastForeverRuleSchema,
  broadcastByIntervalRuleSchema,
  broadcastByPeriodRuleSchema,
]);

export const rulesSchema = z.array(ruleSchema);

export function isRuleType(value: unknown): value is RuleType {
  return typeof value === 'string' && (RULE_TYPES as readonly string[]).includes(value);
}
