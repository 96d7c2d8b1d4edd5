import { describe, expect, it } from 'vitest';
import { parseRule, parseRules, serializeRules } from './rule-parsing.ts';
import { RULE_TYPES, type Rule, ruleSchema } from './rule-schemas.ts';

const parseOne = (json: unknown): Rule => {
  const result = parseRules([json]);
  if (!result.ok) throw new Error(result.error);
  const [rule] = result.rules;
  if (!rule) throw new Error('no rule');
  return rule;
};
const errorOf = (json: unknown, options?: Parameters<typeof parseRules>[1]): string => {
  const result = parseRules(json, options);
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('rule schemas', () => {
  it('knows the ten rule types', () => {
    expect(RULE_TYPES).toEqual([
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
    ]);
  });

  it('applies Druid’s defaults: two replicas on _default_tier and includeFuture true', () => {
    expect(parseOne({ type: 'loadByPeriod', period: 'P1D' })).toEqual({
      type: 'loadByPeriod',
      period: 'P1D',
      includeFuture: true,
      tieredReplicants: { _default_tier: 2 },
      useDefaultTierForNull: true,
    });
    expect(parseOne({ type: 'loadForever', tieredReplicants: null })).toEqual({
      type: 'loadForever',
      tieredReplicants: { _default_tier: 2 },
      useDefaultTierForNull: true,
    });
    expect(parseOne({ type: 'dropByPeriod', period: 'P1M' })).toEqual({
      type: 'dropByPeriod',
      period: 'P1M',
      includeFuture: true,
    });
    expect(parseOne({ type: 'broadcastByPeriod', period: 'P1M', includeFuture: false })).toEqual({
      type: 'broadcastByPeriod',
      period: 'P1M',
      includeFuture: false,
    });
  });

  it('gives an empty map when useDefaultTierForNull is false, and keeps an explicit map as it is', () => {
    expect(parseOne({ type: 'loadByInterval', interval: '0/3000', useDefaultTierForNull: false })).toEqual({
      type: 'loadByInterval',
      interval: '0/3000',
      tieredReplicants: {},
      useDefaultTierForNull: false,
    });
    expect(parseOne({ type: 'loadForever', tieredReplicants: {} })).toMatchObject({ tieredReplicants: {} });
    expect(parseOne({ type: 'loadForever', tieredReplicants: { hot: 1, '': 0 } })).toMatchObject({
      tieredReplicants: { hot: 1, '': 0 },
    });
  });

  it('reads the string Booleans Jackson accepts', () => {
    expect(parseOne({ type: 'loadForever', useDefaultTierForNull: 'false' })).toMatchObject({
      tieredReplicants: {},
      useDefaultTierForNull: false,
    });
    expect(parseOne({ type: 'dropByPeriod', period: 'P1D', includeFuture: 'FALSE' })).toMatchObject({
      includeFuture: false,
    });
  });

  it('is a discriminated union usable on its own', () => {
    expect(ruleSchema.safeParse({ type: 'dropForever' }).success).toBe(true);
    expect(ruleSchema.safeParse({ type: 'loadSometimes' }).success).toBe(false);
  });
});

describe('parseRules errors name the rule position and field', () => {
  it.each([
    [
      [{ type: 'loadForever' }, { type: 'loadByPeriod', period: 'P1Q' }],
      'Rule 2 (loadByPeriod): period "P1Q" is not a valid ISO-8601 period',
    ],
    [[{ type: 'dropByPeriod' }], 'Rule 1 (dropByPeriod): period is required'],
    [[{ type: 'dropByPeriod', period: 30 }], 'Rule 1 (dropByPeriod): period must be a string'],
    [
      [{ type: 'dropByInterval', interval: '2015/2014' }],
      'Rule 1 (dropByInterval): interval "2015/2014" is not a valid interval: Bad interval[2015/2014]: [The end instant must be greater than the start instant]',
    ],
    [[{ type: 'loadByInterval' }], 'Rule 1 (loadByInterval): interval is required'],
    [[{ type: 'loadSometimes' }], `Rule 1: unknown type "loadSometimes"; expected one of ${RULE_TYPES.join(', ')}`],
    [[{ period: 'P1D' }], 'Rule 1: "type" is missing'],
    [['loadForever'], 'Rule 1: must be a JSON object'],
    [
      [{ type: 'loadForever', tieredReplicants: { _default_tier: -1 } }],
      'Rule 1 (loadForever): Invalid number of replicas for tier [_default_tier]. Value [-1] must be positive.',
    ],
    [
      [{ type: 'loadForever', tieredReplicants: { tier: null } }],
      'Rule 1 (loadForever): Invalid number of replicas for tier [tier]. Value must not be null.',
    ],
    [
      [{ type: 'loadForever', tieredReplicants: { hot: 1.5 } }],
      'Rule 1 (loadForever): Invalid number of replicas for tier [hot]. Value [1.5] must be a whole number.',
    ],
    [
      [{ type: 'loadForever', tieredReplicants: { hot: '2' } }],
      'Rule 1 (loadForever): Invalid number of replicas for tier [hot]. Value ["2"] must be a whole number.',
    ],
    [
      [{ type: 'loadForever', tieredReplicants: [2] }],
      'Rule 1 (loadForever): tieredReplicants must be an object mapping tier names to replica counts',
    ],
    [
      [{ type: 'dropByPeriod', period: 'P1D', includeFuture: 'yes' }],
      'Rule 1 (dropByPeriod): includeFuture must be true or false',
    ],
    [null, 'Rules cannot be null.'],
    [{ type: 'loadForever' }, 'Rules must be a JSON array of rule objects'],
  ])('%j → %s', (json, message) => {
    expect(errorOf(json)).toBe(message);
  });

  it('rejects empty default rules with Druid’s wording, but not an empty datasource list', () => {
    expect(errorOf([], { dataSource: '_default' })).toBe('Cluster-level rules cannot be empty.');
    expect(parseRules([], { dataSource: 'wikipedia' })).toEqual({ ok: true, rules: [] });
  });

  it('exposes single-rule parsing', () => {
    expect(parseRule({ type: 'dropForever' }, 4)).toEqual({ ok: true, rule: { type: 'dropForever' } });
    expect(parseRule({ type: 'x' }, 4)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Rule 4: unknown type/),
    });
  });
});

describe('serializeRules', () => {
  it('round-trips all ten types into JSON Druid accepts, inventing nothing', () => {
    const canonical = [
      { type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true },
      { type: 'loadByInterval', interval: '2010-01-01/2020-01-01', tieredReplicants: {}, useDefaultTierForNull: false },
      {
        type: 'loadByPeriod',
        period: 'P1M',
        includeFuture: true,
        tieredReplicants: { hot: 1, cold: 0 },
        useDefaultTierForNull: true,
      },
      { type: 'dropForever' },
      { type: 'dropByInterval', interval: '2023-01-01T00:00:00.000Z/2023-02-01T00:00:00.000Z' },
      { type: 'dropByPeriod', period: 'P1M', includeFuture: false },
      { type: 'dropBeforeByPeriod', period: 'P3M' },
      { type: 'broadcastForever' },
      { type: 'broadcastByInterval', interval: '2010-01-01/2020-01-01' },
      { type: 'broadcastByPeriod', period: 'P1D', includeFuture: true },
    ];
    const parsed = parseRules(canonical);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const serialized = serializeRules(parsed.rules);
    expect(serialized).toEqual(canonical);
    expect(parseRules(serialized)).toEqual(parsed);
  });

  it('keeps fields of other Druid versions and adds none to drop or broadcast rules', () => {
    const json = [{ type: 'broadcastForever', colocatedDataSources: ['a'] }, { type: 'dropForever' }];
    const parsed = parseRules(json);
    expect(parsed.ok && serializeRules(parsed.rules)).toEqual(json);
  });

  it('writes the defaults Druid would write for a sparse load rule', () => {
    const parsed = parseRules([{ type: 'loadForever' }]);
    expect(parsed.ok && JSON.parse(JSON.stringify(serializeRules(parsed.rules)))).toEqual([
      { type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true },
    ]);
  });
});
