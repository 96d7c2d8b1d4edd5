import { parseRules, serializeRules } from '../../src/druid/rule-parsing.ts';
import type { AuditInfo } from './audit-store.ts';
import { type Chunk, GENERATED_NOW } from './generate-layout.ts';
import { between, type Random, seededRandom } from './generate-random.ts';
import { normalizeRuleIntervals } from './routes/joda-interval.ts';

const DAY = 86_400_000;

export interface RuleVersion {
  rules: string;
  auditInfo: AuditInfo;
  at: number;
}

const AUTHORS = ['alice', 'bob', 'carol', 'data-platform-bot', 'oncall-sre'];
const COMMENTS = [
  'Keep the last month on the hot tier',
  'One replica is enough for this datasource',
  'Retention agreed with the data owners',
  'Cost review: fewer replicas',
  'Load only what is retained',
];

/**
 * The rule history of a fleet datasource: none for most, one or two versions for about one in five. The rules keep
 * what the generated data has used: they never drop used segments, whatever the date the coordinator runs (period
 * drop rules would drop everything once the real clock is past the generated "now").
 */
export function fleetRuleVersions(name: string, chunks: readonly Chunk[]): RuleVersion[] {
  const random = seededRandom(`rules:${name}`);
  if (random() >= 0.2) return [];
  const versionCount = random() < 0.3 ? 2 : 1;
  let at = GENERATED_NOW - between(random, 30 * DAY, 400 * DAY);
  const versions: RuleVersion[] = [];
  for (let v = 0; v < versionCount; v++) {
    versions.push({ rules: storedRules(name, ruleList(random, chunks)), auditInfo: auditInfo(random), at });
    at += between(random, DAY, 20 * DAY);
  }
  return versions;
}

/** The rules as POST /rules/{ds} stores them: parsed, serialized and with normalized intervals. */
function storedRules(dataSource: string, rules: unknown[]): string {
  const parsed = parseRules(rules, { dataSource });
  if (!parsed.ok) throw new Error(`Generated rules of ${dataSource} are invalid: ${parsed.error}`);
  const normalized = normalizeRuleIntervals(serializeRules(parsed.rules));
  if (!normalized.ok) throw new Error(`Generated rules of ${dataSource} are invalid: ${normalized.error}`);
  return JSON.stringify(normalized.rules);
}

function ruleList(random: Random, chunks: readonly Chunk[]): unknown[] {
  const usedStart = chunks.reduce((min, chunk) => (chunk.used ? Math.min(min, chunk.start) : min), Infinity);
  const pick = Math.floor(random() * 4);
  if (pick === 0 && Number.isFinite(usedStart)) {
    // Load what is retained, drop what is older (already unused): an interval rule that matches the data exactly.
    return [
      {
        type: 'loadByInterval',
        interval: `${new Date(usedStart).toISOString()}/3000-01-01T00:00:00.000Z`,
        tieredReplicants: { _default_tier: 2 },
      },
      { type: 'dropForever' },
    ];
  }
  if (pick === 1) return [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }];
  if (pick === 2) {
    return [
      { type: 'loadByPeriod', period: 'P7D', includeFuture: true, tieredReplicants: { hot: 1, _default_tier: 1 } },
      { type: 'loadForever', tieredReplicants: { _default_tier: 1 } },
    ];
  }
  return [
    { type: 'loadByPeriod', period: 'P1M', includeFuture: true, tieredReplicants: { hot: 2, _default_tier: 1 } },
    { type: 'loadForever', tieredReplicants: { _default_tier: 2 } },
  ];
}

function auditInfo(random: Random): AuditInfo {
  return {
    author: AUTHORS[Math.floor(random() * AUTHORS.length)] as string,
    identity: null,
    comment: COMMENTS[Math.floor(random() * COMMENTS.length)] as string,
    ip: `10.0.${between(random, 0, 255)}.${between(random, 1, 254)}`,
  };
}
