import { availableParallelism } from 'node:os';
import type Database from 'better-sqlite3';
import { type AuditInfo, recordAudit } from './audit-store.ts';

/**
 * The Coordinator's dynamic config (CoordinatorDynamicConfig, Druid 33 field set): stored in druid_config under
 * `coordinator.config` like Druid's ConfigManager, merged field by field on POST like `Builder.build(current)`.
 */
export const DYNAMIC_CONFIG_KEY = 'coordinator.config';

export interface CoordinatorDynamicConfig {
  millisToWaitBeforeDeleting: number;
  maxSegmentsToMove: number;
  replicantLifetime: number;
  replicationThrottleLimit: number;
  balancerComputeThreads: number;
  /** Datasources auto-kill may touch; empty means all. */
  killDataSourceWhitelist: unknown[];
  killTaskSlotRatio: number;
  maxKillTaskSlots: number;
  killPendingSegmentsSkipList: unknown[];
  maxSegmentsInNodeLoadingQueue: number;
  decommissioningNodes: unknown[];
  pauseCoordination: boolean;
  replicateAfterLoadTimeout: boolean;
  useRoundRobinSegmentAssignment: boolean;
  smartSegmentLoading: boolean;
  debugDimensions: Record<string, unknown> | null;
  turboLoadingNodes: unknown[];
  cloneServers: Record<string, unknown>;
}

type Kind = 'long' | 'int' | 'double' | 'boolean' | 'set' | 'map';

/** Each field's Jackson type in the Builder; the key order is Druid's serialization order. */
const FIELDS: Record<keyof CoordinatorDynamicConfig, Kind> = {
  millisToWaitBeforeDeleting: 'long',
  maxSegmentsToMove: 'int',
  replicantLifetime: 'int',
  replicationThrottleLimit: 'int',
  balancerComputeThreads: 'int',
  killDataSourceWhitelist: 'set',
  killTaskSlotRatio: 'double',
  maxKillTaskSlots: 'int',
  killPendingSegmentsSkipList: 'set',
  maxSegmentsInNodeLoadingQueue: 'int',
  decommissioningNodes: 'set',
  pauseCoordination: 'boolean',
  replicateAfterLoadTimeout: 'boolean',
  useRoundRobinSegmentAssignment: 'boolean',
  smartSegmentLoading: 'boolean',
  debugDimensions: 'map',
  turboLoadingNodes: 'set',
  cloneServers: 'map',
};

export function defaultDynamicConfig(): CoordinatorDynamicConfig {
  return {
    millisToWaitBeforeDeleting: 15 * 60_000,
    maxSegmentsToMove: 100,
    replicantLifetime: 15,
    replicationThrottleLimit: 500,
    // getDefaultBalancerComputeThreads: half the processors, at least one.
    balancerComputeThreads: Math.max(1, Math.floor(availableParallelism() / 2)),
    killDataSourceWhitelist: [],
    // 0.1 since Druid 30 (PR #16247); 1.0 before.
    killTaskSlotRatio: 0.1,
    maxKillTaskSlots: 2_147_483_647,
    killPendingSegmentsSkipList: [],
    maxSegmentsInNodeLoadingQueue: 500,
    decommissioningNodes: [],
    pauseCoordination: false,
    replicateAfterLoadTimeout: false,
    useRoundRobinSegmentAssignment: true,
    smartSegmentLoading: true,
    debugDimensions: null,
    turboLoadingNodes: [],
    cloneServers: {},
  };
}

/** Why Druid refuses a body: a Jackson mapping error (400 `{"error"}`) or the constructor's InvalidInput. */
export type MergeResult =
  | { ok: true; config: CoordinatorDynamicConfig }
  | { ok: false; kind: 'mapping' | 'invalidInput'; message: string };

const JAVA_TYPES: Record<Kind, string> = {
  long: 'java.lang.Long',
  int: 'java.lang.Integer',
  double: 'java.lang.Double',
  boolean: 'java.lang.Boolean',
  set: 'java.lang.Object',
  map: 'java.util.Map<java.lang.String,java.lang.String>',
};

function describe(value: unknown): string {
  if (typeof value === 'string') return `String "${value}"`;
  if (Array.isArray(value)) return 'Array value (token `JsonToken.START_ARRAY`)';
  if (typeof value === 'object') return 'Object value (token `JsonToken.START_OBJECT`)';
  return `${typeof value} value`;
}

/** `parseJsonStringOrArray`: a comma-separated string or an array; anything else is an empty set. */
function toSet(value: unknown): unknown[] {
  if (typeof value === 'string') return [...new Set(value.split(',').map((item) => item.trim()))].filter(Boolean);
  if (Array.isArray(value)) return [...new Set(value)];
  return [];
}

/** Jackson's scalar coercions (numbers from numeric strings, floats truncated into ints); undefined when refused. */
function coerce(kind: Kind, value: unknown): unknown {
  if (kind === 'set') return toSet(value);
  if (kind === 'map') return typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  if (kind === 'boolean') {
    if (typeof value === 'boolean') return value;
    return typeof value === 'string' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : undefined;
  }
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return undefined;
  if (kind === 'double') return number;
  const whole = Math.trunc(number);
  const limit = kind === 'int' ? 2 ** 31 : 2 ** 63;
  return whole >= -limit && whole < limit ? whole : undefined;
}

function mappingError(field: string, kind: Kind, value: unknown): MergeResult {
  const type = JAVA_TYPES[kind];
  const short = type.replace('java.lang.', '');
  return {
    ok: false,
    kind: 'mapping',
    message:
      `Cannot deserialize value of type \`${type}\` from ${describe(value)}: not a valid \`${short}\` value ` +
      `(through reference chain: org.apache.druid.server.coordinator.CoordinatorDynamicConfig$Builder["${field}"])`,
  };
}

/** `Builder.build(current)`: every field the body gives (non-null) replaces the current one; unknown ones are ignored. */
export function mergeDynamicConfig(current: CoordinatorDynamicConfig, body: unknown): MergeResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      kind: 'mapping',
      message: `Cannot deserialize value of type \`org.apache.druid.server.coordinator.CoordinatorDynamicConfig$Builder\` from ${describe(body)}`,
    };
  }
  const next: Record<string, unknown> = { ...current };
  for (const [field, kind] of Object.entries(FIELDS) as Array<[keyof CoordinatorDynamicConfig, Kind]>) {
    const given = (body as Record<string, unknown>)[field];
    if (given === undefined || given === null) continue;
    const value = coerce(kind, given);
    if (value === undefined) return mappingError(field, kind, given);
    next[field] = value;
  }
  const config = next as unknown as CoordinatorDynamicConfig;
  config.balancerComputeThreads = Math.max(config.balancerComputeThreads, 1);
  if (config.killTaskSlotRatio < 0 || config.killTaskSlotRatio > 1) {
    const shown = config.killTaskSlotRatio.toFixed(2);
    return {
      ok: false,
      kind: 'invalidInput',
      message: `killTaskSlotRatio [${shown}] is invalid. It must be >= 0 and <= 1.`,
    };
  }
  if (config.maxKillTaskSlots < 0) {
    const message = `maxKillTaskSlots [${config.maxKillTaskSlots}] is invalid. It must be >= 0.`;
    return { ok: false, kind: 'invalidInput', message };
  }
  return { ok: true, config };
}

/** The stored config, with fields a stored older payload lacks taken from the defaults; the defaults if none. */
export function currentDynamicConfig(db: Database.Database): CoordinatorDynamicConfig {
  const row = db
    .prepare<[string], { payload: string }>('SELECT payload FROM druid_config WHERE name = ?')
    .get(DYNAMIC_CONFIG_KEY);
  return { ...defaultDynamicConfig(), ...(row ? (JSON.parse(String(row.payload)) as object) : {}) };
}

/** Stores the config and its audit entry (type and key `coordinator.config`, payload the serialized config). */
export function saveDynamicConfig(
  db: Database.Database,
  config: CoordinatorDynamicConfig,
  auditInfo: AuditInfo,
  request: unknown,
  at: number,
): void {
  const payload = JSON.stringify(config);
  db.transaction(() => {
    db.prepare(
      'INSERT INTO druid_config (name, payload) VALUES (?, ?) ON CONFLICT DO UPDATE SET payload = excluded.payload',
    ).run(DYNAMIC_CONFIG_KEY, payload);
    recordAudit(db, { key: DYNAMIC_CONFIG_KEY, type: DYNAMIC_CONFIG_KEY, auditInfo, payload, request, at });
  })();
}
