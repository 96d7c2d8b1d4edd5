import { tryParsePeriod } from './period.ts';

/**
 * The static auto-kill settings (runtime.properties) as the console reads them from `GET /status/properties`.
 * Druid lists only the properties a process was started with, so an absent key means Druid's default; the defaults
 * below are Druid 30+'s (CoordinatorKillConfigs, KillUnusedSegmentsConfig, UnusedSegmentKillerConfig).
 */
export interface KillProperty<T> {
  key: string;
  /** What the operator reads: "Kill unused segments", "Buffer period"… */
  label: string;
  value: T;
  /** The property's text when set, else Druid's default written the same way. */
  text: string;
  source: 'set' | 'default' | 'invalid';
}

export interface StaticKillSettings {
  on: KillProperty<boolean>;
  periodMs: KillProperty<number>;
  durationToRetainMs: KillProperty<number>;
  ignoreDurationToRetain: KillProperty<boolean>;
  bufferPeriodMs: KillProperty<number>;
  maxSegments: KillProperty<number>;
  indexingPeriodMs: KillProperty<number>;
  overlordKillEnabled: KillProperty<boolean>;
  overlordBufferPeriodMs: KillProperty<number>;
}

const DAY_MS = 86_400_000;

/** A Joda duration: ISO period with fixed-length fields only (weeks, days, hours…), or plain milliseconds. */
export function durationMs(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const period = tryParsePeriod(trimmed);
  if (period?.years !== 0 || period.months !== 0) return null;
  return (
    ((period.weeks * 7 + period.days) * 24 + period.hours) * 3_600_000 +
    period.minutes * 60_000 +
    period.seconds * 1000 +
    period.millis
  );
}

function booleanOf(text: string): boolean | null {
  const trimmed = text.trim().toLowerCase();
  return trimmed === 'true' ? true : trimmed === 'false' ? false : null;
}

function integerOf(text: string): number | null {
  return /^[+-]?\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

export function readStaticKillSettings(properties: Readonly<Record<string, string>>): StaticKillSettings {
  function read<T>(key: string, label: string, parse: (text: string) => T | null, fallback: T, fallbackText: string) {
    const text = properties[key];
    if (text === undefined) return { key, label, value: fallback, text: fallbackText, source: 'default' as const };
    const value = parse(text);
    // Druid would not have started with it; show the text and use the default for predictions.
    if (value === null) return { key, label, value: fallback, text, source: 'invalid' as const };
    return { key, label, value, text, source: 'set' as const };
  }
  const indexingPeriodMs = read(
    'druid.coordinator.period.indexingPeriod',
    'Indexing duty period',
    durationMs,
    1_800_000,
    'PT1800S',
  );
  return {
    on: read('druid.coordinator.kill.on', 'Auto-kill on the Coordinator', booleanOf, false, 'false'),
    periodMs: read(
      'druid.coordinator.kill.period',
      'Kill period',
      durationMs,
      indexingPeriodMs.value,
      `${indexingPeriodMs.text} (the indexing period)`,
    ),
    durationToRetainMs: read(
      'druid.coordinator.kill.durationToRetain',
      'Keep segments ending within',
      durationMs,
      90 * DAY_MS,
      'P90D',
    ),
    ignoreDurationToRetain: read(
      'druid.coordinator.kill.ignoreDurationToRetain',
      'Ignore durationToRetain',
      booleanOf,
      false,
      'false',
    ),
    bufferPeriodMs: read(
      'druid.coordinator.kill.bufferPeriod',
      'Buffer after marked unused',
      durationMs,
      30 * DAY_MS,
      'P30D',
    ),
    maxSegments: read('druid.coordinator.kill.maxSegments', 'Segments per kill task', integerOf, 100, '100'),
    indexingPeriodMs,
    overlordKillEnabled: read(
      'druid.manager.segments.killUnused.enabled',
      'Embedded kill on the Overlord (Druid 34+)',
      booleanOf,
      false,
      'false',
    ),
    overlordBufferPeriodMs: read(
      'druid.manager.segments.killUnused.bufferPeriod',
      'Overlord kill buffer period',
      durationMs,
      30 * DAY_MS,
      'P30D',
    ),
  };
}
