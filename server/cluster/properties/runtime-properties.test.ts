import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDuration } from './property-values.ts';
import { RuntimePropertiesError, runtimePropertiesFrom, visibleProperties } from './runtime-properties.ts';
import { readRuntimePropertiesFile } from './runtime-properties-file.ts';

const DAY = 86_400_000;
const from = (properties: Record<string, string>) =>
  runtimePropertiesFrom(new Map(Object.entries(properties)), '/etc/druid/coordinator/runtime.properties');

describe('runtime properties: Druid’s defaults', () => {
  it('uses KillUnusedSegmentsConfig’s defaults, the kill period being the indexing period (Druid 30+)', () => {
    const runtime = from({});
    expect(runtime.indexingPeriodMs).toBe(1800_000);
    expect(runtime.kill).toEqual({
      on: false,
      periodMs: 1800_000,
      durationToRetainMs: 90 * DAY,
      ignoreDurationToRetain: false,
      bufferPeriodMs: 30 * DAY,
      maxSegments: 100,
    });
    expect(runtime.embeddedKill.enabled).toBe(false);
    expect(runtime.embeddedKill.bufferPeriod.days).toBe(30);
    expect(runtime.embeddedKill.dutyPeriod.hours).toBe(1);
  });

  it('follows a changed indexing period when the kill period is not set', () => {
    expect(from({ 'druid.coordinator.period.indexingPeriod': 'PT10S' }).kill.periodMs).toBe(10_000);
  });

  it('reads every kill setting, in Druid’s forms (ISO periods in any case, JSON numbers and booleans)', () => {
    const runtime = from({
      'druid.coordinator.kill.on': 'true',
      'druid.coordinator.kill.period': 'pt2h',
      'druid.coordinator.kill.durationToRetain': 'P1W',
      'druid.coordinator.kill.ignoreDurationToRetain': 'TRUE',
      'druid.coordinator.kill.bufferPeriod': '3600000',
      'druid.coordinator.kill.maxSegments': ' 500 ',
      'druid.manager.segments.killUnused.enabled': 'true',
      'druid.manager.segments.killUnused.bufferPeriod': 'P1M',
      'druid.worker.capacity': '10',
    });
    expect(runtime.kill).toEqual({
      on: true,
      periodMs: 2 * 3600_000,
      durationToRetainMs: 7 * DAY,
      ignoreDurationToRetain: true,
      bufferPeriodMs: 3600_000,
      maxSegments: 500,
    });
    // The Overlord's buffer is a Period, so months are fine there.
    expect(runtime.embeddedKill.bufferPeriod.months).toBe(1);
    expect(runtime.workerCapacity).toBe(10);
  });

  it('allows a negative durationToRetain (an end bound in the future), as Druid does', () => {
    expect(from({ 'druid.coordinator.kill.durationToRetain': 'PT-1H' }).kill.durationToRetainMs).toBe(-3600_000);
  });
});

describe('runtime properties: values Druid refuses at start-up', () => {
  const FILE = '/etc/druid/coordinator/runtime.properties';
  it.each([
    ['druid.coordinator.kill.on', 'yes', 'is not a boolean'],
    ['druid.coordinator.kill.maxSegments', 'many', 'is not an integer'],
    ['druid.coordinator.kill.maxSegments', '1.5', 'is not an integer'],
    ['druid.coordinator.kill.bufferPeriod', '30 days', 'is not an ISO-8601 period'],
    ['druid.coordinator.kill.durationToRetain', 'P3M', 'contains months and months vary in length'],
    ['druid.coordinator.period.indexingPeriod', 'P1Y', 'contains years and years vary in length'],
    ['druid.manager.segments.killUnused.enabled', 'on', 'is not a boolean'],
  ])('%s=%s names the property and the file', (key, value, reason) => {
    const read = () => from({ [key]: value });
    expect(read).toThrow(RuntimePropertiesError);
    expect(read).toThrow(`Invalid value for ${key} in ${FILE}`);
    expect(read).toThrow(reason);
  });

  it('refuses a kill period shorter than the indexing period, with Druid’s message', () => {
    const read = () =>
      from({ 'druid.coordinator.period.indexingPeriod': 'PT10S', 'druid.coordinator.kill.period': 'PT5S' });
    expect(read).toThrow(
      `'druid.coordinator.kill.period'[PT5S] must be greater than or equal to 'druid.coordinator.period.indexingPeriod'[PT10S] in ${FILE}`,
    );
  });

  it('refuses a negative maxSegments, with Druid’s message', () => {
    expect(() => from({ 'druid.coordinator.kill.maxSegments': '-5' })).toThrow(
      `'druid.coordinator.kill.maxSegments'[-5] must be a positive integer. in ${FILE}`,
    );
  });

  it('prints durations as Joda does', () => {
    expect([30 * DAY, 500, 1500, -5000].map(formatDuration)).toEqual(['PT2592000S', 'PT0.500S', 'PT1.500S', 'PT-5S']);
  });
});

describe('runtime properties: what /status/properties shows', () => {
  it('shows every property given, and hides keys containing a hidden word in any case', () => {
    const runtime = from({
      'druid.coordinator.kill.on': 'true',
      'druid.metadata.storage.connector.password': 'secret',
      'druid.s3.accessKey': 'AKIA',
      'druid.auth.authenticator.basic.initialAdminPassword': 'admin',
      'druid.escalator.internalClientPassword': 'x',
      'my.api.TOKEN': 't',
      'druid.extensions.loadList': '["druid-s3-extensions"]',
    });
    expect(visibleProperties(runtime)).toEqual({
      'druid.coordinator.kill.on': 'true',
      'druid.extensions.loadList': '["druid-s3-extensions"]',
    });
  });

  it('takes druid.server.hiddenProperties from the file when given', () => {
    const runtime = from({ 'druid.server.hiddenProperties': '["kill"]', 'druid.coordinator.kill.on': 'true', a: 'b' });
    expect(visibleProperties(runtime)).toEqual({ 'druid.server.hiddenProperties': '["kill"]', a: 'b' });
  });
});

describe('readRuntimePropertiesFile', () => {
  it('reads a file and names it in errors, syntax errors with their line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'druid-properties-'));
    try {
      const good = join(dir, 'good.properties');
      writeFileSync(good, '# auto-kill\ndruid.coordinator.kill.on=true\ndruid.coordinator.kill.maxSegments: 7\n');
      expect(readRuntimePropertiesFile(good).kill.maxSegments).toBe(7);
      const bad = join(dir, 'bad.properties');
      writeFileSync(bad, 'a=1\nb=\\u00\n');
      expect(() => readRuntimePropertiesFile(bad)).toThrow(`${bad}, line 2: Malformed \\uxxxx encoding.`);
      expect(() => readRuntimePropertiesFile(join(dir, 'missing.properties'))).toThrow(
        'Cannot read the properties file',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
