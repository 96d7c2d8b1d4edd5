import { availableParallelism } from 'node:os';
import type { Period } from '../../../src/druid/period.ts';
import {
  booleanValue,
  durationValue,
  formatDuration,
  intValue,
  PropertyValueError,
  periodValue,
  stringListValue,
} from './property-values.ts';

/** `druid.coordinator.kill.*` for unused segments (CoordinatorKillConfigs.unusedSegments, KillUnusedSegmentsConfig). */
export interface KillSettings {
  on: boolean;
  /** Defaults to the indexing period (Druid 30+). */
  periodMs: number;
  durationToRetainMs: number;
  ignoreDurationToRetain: boolean;
  bufferPeriodMs: number;
  maxSegments: number;
}

/** `druid.manager.segments.killUnused.*`: Druid 34's kill on the Overlord (UnusedSegmentKillerConfig). */
export interface EmbeddedKillSettings {
  enabled: boolean;
  bufferPeriod: Period;
  /** "For testing only" in Druid; PT1H by default. */
  dutyPeriod: Period;
}

/** A runtime.properties file as the local cluster's Coordinator and Overlord read it. */
export interface RuntimeProperties {
  /** The file it came from; null when started without `--properties`. */
  file: string | null;
  /** Every property of the file, in file order, as given (reported by /status/properties, secrets hidden). */
  properties: ReadonlyMap<string, string>;
  indexingPeriodMs: number;
  kill: KillSettings;
  embeddedKill: EmbeddedKillSettings;
  /** `druid.worker.capacity`: the task slots of the local cluster's one worker. */
  workerCapacity: number;
  /** `druid.server.hiddenProperties`: keys containing one of these (any case) are never shown. */
  hiddenProperties: string[];
}

/** A property Druid would refuse at start-up; the message names the property and the file. */
export class RuntimePropertiesError extends Error {}

const DAY_MS = 86_400_000;
/** DruidServerConfig's default, matched as case-insensitive substrings since Druid 24 (PR #12950). */
export const DEFAULT_HIDDEN_PROPERTIES = [
  'druid.s3.accessKey',
  'druid.s3.secretKey',
  'druid.metadata.storage.connector.password',
  'password',
  'key',
  'token',
  'pwd',
];

/** Reads the typed settings from a file's properties, with Druid's defaults and start-up validation. */
export function runtimePropertiesFrom(properties: ReadonlyMap<string, string>, file: string | null): RuntimeProperties {
  const where = file ? ` in ${file}` : '';
  function read<T>(key: string, parse: (text: string) => T, fallback: T): T {
    const text = properties.get(key);
    if (text === undefined) return fallback;
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof PropertyValueError)) throw error;
      throw new RuntimePropertiesError(`Invalid value for ${key}${where}: ${error.message}`);
    }
  }
  const indexingPeriodMs = read('druid.coordinator.period.indexingPeriod', durationValue, 1800_000);
  const kill: KillSettings = {
    on: read('druid.coordinator.kill.on', booleanValue, false),
    periodMs: read('druid.coordinator.kill.period', durationValue, indexingPeriodMs),
    durationToRetainMs: read('druid.coordinator.kill.durationToRetain', durationValue, 90 * DAY_MS),
    ignoreDurationToRetain: read('druid.coordinator.kill.ignoreDurationToRetain', booleanValue, false),
    bufferPeriodMs: read('druid.coordinator.kill.bufferPeriod', durationValue, 30 * DAY_MS),
    maxSegments: read('druid.coordinator.kill.maxSegments', intValue, 100),
  };
  // DruidCoordinatorConfig.validateKillConfigs, which runs whether or not kill is on.
  if (kill.periodMs < indexingPeriodMs) {
    throw new RuntimePropertiesError(
      `'druid.coordinator.kill.period'[${formatDuration(kill.periodMs)}] must be greater than or equal to ` +
        `'druid.coordinator.period.indexingPeriod'[${formatDuration(indexingPeriodMs)}]${where}`,
    );
  }
  if (kill.maxSegments < 0) {
    throw new RuntimePropertiesError(
      `'druid.coordinator.kill.maxSegments'[${kill.maxSegments}] must be a positive integer.${where}`,
    );
  }
  if (indexingPeriodMs <= 0) {
    throw new RuntimePropertiesError(`'druid.coordinator.period.indexingPeriod' must be a positive duration${where}`);
  }
  const embeddedKill: EmbeddedKillSettings = {
    enabled: read('druid.manager.segments.killUnused.enabled', booleanValue, false),
    bufferPeriod: read('druid.manager.segments.killUnused.bufferPeriod', periodValue, periodValue('P30D')),
    dutyPeriod: read('druid.manager.segments.killUnused.dutyPeriod', periodValue, periodValue('PT1H')),
  };
  const workerCapacity = read('druid.worker.capacity', intValue, Math.max(1, availableParallelism() - 1));
  if (workerCapacity < 0) throw new RuntimePropertiesError(`Invalid value for druid.worker.capacity${where}: < 0`);
  const hidden = properties.get('druid.server.hiddenProperties');
  const hiddenProperties = hidden === undefined ? DEFAULT_HIDDEN_PROPERTIES : stringListValue(hidden);
  if (!hiddenProperties) {
    throw new RuntimePropertiesError(
      `Invalid value for druid.server.hiddenProperties${where}: expected a JSON array of strings`,
    );
  }
  return { file, properties, indexingPeriodMs, kill, embeddedKill, workerCapacity, hiddenProperties };
}

/** The properties /status/properties shows: every one given, except those whose key contains a hidden word. */
export function visibleProperties(runtime: RuntimeProperties): Record<string, string> {
  const hidden = runtime.hiddenProperties.map((word) => word.toLowerCase());
  const visible: Record<string, string> = {};
  for (const [key, value] of runtime.properties) {
    if (!hidden.some((word) => key.toLowerCase().includes(word))) visible[key] = value;
  }
  return visible;
}
