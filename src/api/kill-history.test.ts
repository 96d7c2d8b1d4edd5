import { describe, expect, it } from 'vitest';
import { killIssuer, killTaskInterval, lastAutomaticKillAt, toKillTaskEntry } from './kill-history.ts';

const AUTO =
  'coordinator-issued_kill_sales_events_abcdefgh_2024-01-01T00:00:00.000Z_2024-01-05T00:00:00.000Z_2026-11-26T10:00:00.000Z';
const MANUAL =
  'api-issued_kill_my_ds_ponmlkji_2024-02-01T00:00:00.000Z_2024-03-01T00:00:00.000Z_2026-11-26T09:00:00.000Z';

describe('kill task ids', () => {
  it('tells manual (api-issued) from automatic (Coordinator) kills', () => {
    expect(killIssuer(MANUAL)).toBe('manual');
    expect(killIssuer(AUTO)).toBe('automatic');
    expect(killIssuer('index_parallel_x')).toBe('unknown');
  });

  it('reads the interval after the datasource, whose name may hold underscores', () => {
    expect(killTaskInterval(MANUAL, 'my_ds')).toEqual({
      interval: { start: Date.UTC(2024, 1, 1), end: Date.UTC(2024, 2, 1) },
      text: '2024-02-01T00:00:00.000Z/2024-03-01T00:00:00.000Z',
    });
    expect(killTaskInterval(MANUAL, 'other')).toBeNull();
    expect(killTaskInterval('kill_x', null)).toBeNull();
  });

  it('finds the latest automatic kill, ignoring manual ones', () => {
    const entries = [
      toKillTaskEntry({ id: MANUAL, dataSource: 'my_ds', createdTime: '2026-11-26T11:00:00.000Z' }),
      toKillTaskEntry({ id: AUTO, dataSource: 'sales_events', createdTime: '2026-11-26T10:00:00.000Z' }),
    ];
    expect(lastAutomaticKillAt(entries)).toBe(Date.UTC(2026, 10, 26, 10));
    expect(lastAutomaticKillAt(entries.slice(0, 1))).toBeNull();
  });
});
