/**
 * The editor's form model and its exact mapping to Druid rule JSON. Each card keeps every field (so switching the
 * type back and forth loses nothing) plus the keys this console does not edit (kept verbatim, e.g.
 * `colocatedDataSources` from old Druid). Only the fields of the chosen type are written out, in Druid's form:
 * intervals and periods as Druid prints them, so what is saved is exactly what Druid will read back.
 */
import { formatInterval, tryParseInterval } from '../../druid/interval.ts';
import { formatPeriod, tryParsePeriod } from '../../druid/period.ts';
import { DEFAULT_NUM_REPLICANTS, DEFAULT_TIER, type Rule, type RuleType } from '../../druid/rule-schemas.ts';

export interface TierRow {
  tier: string;
  /** Text, so a half-typed or invalid count survives in the form and in drafts. */
  replicas: string;
}

export interface RuleFormValue {
  type: RuleType;
  period: string;
  interval: string;
  includeFuture: boolean;
  tiers: TierRow[];
  useDefaultTierForNull: boolean;
  /** JSON object of the keys the form does not edit, '' when none. */
  extra: string;
}

export interface RulesFormValues {
  rules: RuleFormValue[];
}

type Field = 'period' | 'interval' | 'includeFuture' | 'tieredReplicants' | 'useDefaultTierForNull';

const LOAD: readonly Field[] = ['tieredReplicants', 'useDefaultTierForNull'];

/** Druid's fields per type, in the order Druid serializes them. */
export const FIELDS_OF: Record<RuleType, readonly Field[]> = {
  loadForever: LOAD,
  loadByInterval: ['interval', ...LOAD],
  loadByPeriod: ['period', 'includeFuture', ...LOAD],
  dropForever: [],
  dropByInterval: ['interval'],
  dropByPeriod: ['period', 'includeFuture'],
  dropBeforeByPeriod: ['period'],
  broadcastForever: [],
  broadcastByInterval: ['interval'],
  broadcastByPeriod: ['period', 'includeFuture'],
};

export function hasField(type: RuleType, field: Field): boolean {
  return FIELDS_OF[type].includes(field);
}

export const DEFAULT_PERIOD = 'P1M';

export function newRuleForm(type: RuleType = 'loadForever', tier: string = DEFAULT_TIER): RuleFormValue {
  return {
    type,
    period: DEFAULT_PERIOD,
    interval: '',
    includeFuture: true,
    tiers: [{ tier, replicas: String(DEFAULT_NUM_REPLICANTS) }],
    useDefaultTierForNull: true,
    extra: '',
  };
}

/** A parsed rule (Druid defaults applied) as form values. */
export function ruleToForm(rule: Rule): RuleFormValue {
  const form = newRuleForm(rule.type);
  const fields: readonly string[] = FIELDS_OF[rule.type];
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rule)) {
    if (key !== 'type' && !fields.includes(key)) extra[key] = value;
  }
  if ('period' in rule) form.period = rule.period;
  if ('interval' in rule) form.interval = rule.interval;
  if ('includeFuture' in rule) form.includeFuture = rule.includeFuture;
  if ('tieredReplicants' in rule) {
    form.tiers = Object.entries(rule.tieredReplicants).map(([tier, count]) => ({ tier, replicas: String(count) }));
    form.useDefaultTierForNull = rule.useDefaultTierForNull;
  }
  form.extra = Object.keys(extra).length ? JSON.stringify(extra) : '';
  return form;
}

/** Druid's printed form of a valid interval (`2015-09-12T00:00:00.000Z/…`); other text unchanged. */
export function canonicalInterval(text: string): string {
  const parsed = tryParseInterval(text.trim());
  return parsed.ok ? formatInterval(parsed.interval) : text;
}

/** Joda's printed form of a valid period (`p1m` → `P1M`); other text unchanged. */
export function canonicalPeriod(text: string): string {
  const period = tryParsePeriod(text.trim());
  return period ? formatPeriod(period) : text;
}

/** Whole numbers become numbers; anything else stays text, so validation can name it. */
function replicaValue(text: string): number | string {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : text;
}

function readExtra(extra: string): Record<string, unknown> {
  if (!extra) return {};
  try {
    const parsed: unknown = JSON.parse(extra);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The rule JSON Druid will receive for these form values (not validated: that is parseRules' job). */
export function formToRuleJson(value: RuleFormValue): Record<string, unknown> {
  const json: Record<string, unknown> = { type: value.type };
  for (const field of FIELDS_OF[value.type]) {
    if (field === 'period') json.period = canonicalPeriod(value.period);
    if (field === 'interval') json.interval = canonicalInterval(value.interval);
    if (field === 'includeFuture') json.includeFuture = value.includeFuture;
    if (field === 'tieredReplicants')
      json.tieredReplicants = Object.fromEntries(value.tiers.map((row) => [row.tier, replicaValue(row.replicas)]));
    if (field === 'useDefaultTierForNull') json.useDefaultTierForNull = value.useDefaultTierForNull;
  }
  const ownFields: readonly string[] = FIELDS_OF[value.type];
  for (const [key, extraValue] of Object.entries(readExtra(value.extra))) {
    if (key !== 'type' && !ownFields.includes(key)) json[key] = extraValue;
  }
  return json;
}

export function formToRulesJson(values: readonly RuleFormValue[]): Record<string, unknown>[] {
  return values.map(formToRuleJson);
}

/** Keys the form keeps but does not edit, for a note on the card. */
export function extraKeys(value: RuleFormValue): string[] {
  const own: readonly string[] = FIELDS_OF[value.type];
  return Object.keys(readExtra(value.extra)).filter((key) => key !== 'type' && !own.includes(key));
}
