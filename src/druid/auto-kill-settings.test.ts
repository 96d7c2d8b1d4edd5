import { describe, expect, it } from 'vitest';
import { durationMs, readStaticKillSettings } from './auto-kill-settings.ts';

describe('durationMs', () => {
  it('reads fixed-length ISO periods and plain milliseconds, refuses months and years', () => {
    expect(durationMs('PT10S')).toBe(10_000);
    expect(durationMs('P1W')).toBe(7 * 86_400_000);
    expect(durationMs('60000')).toBe(60_000);
    expect(durationMs('P1M')).toBeNull();
    expect(durationMs('soon')).toBeNull();
  });
});

describe('readStaticKillSettings', () => {
  it('takes Druid’s defaults for absent properties, the kill period defaulting to the indexing period', () => {
    const settings = readStaticKillSettings({ 'druid.coordinator.period.indexingPeriod': 'PT10S' });
    expect(settings.on).toMatchObject({ value: false, source: 'default' });
    expect(settings.periodMs).toMatchObject({ value: 10_000, source: 'default' });
    expect(settings.bufferPeriodMs).toMatchObject({ value: 30 * 86_400_000, text: 'P30D' });
    expect(settings.maxSegments.value).toBe(100);
  });

  it('reads set properties and flags values Druid would refuse', () => {
    const settings = readStaticKillSettings({
      'druid.coordinator.kill.on': 'true',
      'druid.coordinator.kill.bufferPeriod': 'PT1M',
      'druid.coordinator.kill.maxSegments': 'many',
    });
    expect(settings.on).toMatchObject({ value: true, source: 'set' });
    expect(settings.bufferPeriodMs).toMatchObject({ value: 60_000, text: 'PT1M', source: 'set' });
    expect(settings.maxSegments).toMatchObject({ value: 100, text: 'many', source: 'invalid' });
  });
});
