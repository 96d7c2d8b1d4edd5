import { describe, expect, it } from 'vitest';
import { iv } from '../druid/test-helpers.ts';
import { findIssuedKillTask, isTaskComplete, killTaskIdParts, type TaskStatusPlus, taskState } from './tasks.ts';

const FEB = iv('2024-02-01/2024-03-01');
const REQUESTED = Date.parse('2024-06-01T10:00:00.000Z');
const FEB_TEXT = '2024-02-01T00:00:00.000Z_2024-03-01T00:00:00.000Z';

function task(id: string, createdTime: string | null, extra: Partial<TaskStatusPlus> = {}): TaskStatusPlus {
  return { id, type: 'kill', createdTime, statusCode: 'RUNNING', dataSource: 'sales_events', ...extra };
}

const ours = task(
  `api-issued_kill_sales_events_abcdefgh_${FEB_TEXT}_2024-06-01T10:00:00.300Z`,
  '2024-06-01T10:00:00.300Z',
);
const older = task(
  `api-issued_kill_sales_events_ponmlkji_${FEB_TEXT}_2024-05-30T08:00:00.000Z`,
  '2024-05-30T08:00:00.000Z',
  {
    statusCode: 'SUCCESS',
  },
);
const otherInterval = task(
  'api-issued_kill_sales_events_aaaaaaaa_2024-01-01T00:00:00.000Z_2024-02-01T00:00:00.000Z_2024-06-01T10:00:00.100Z',
  '2024-06-01T10:00:00.100Z',
);
const search = { dataSource: 'sales_events', interval: FEB, requestedAt: REQUESTED, knownIds: new Set([older.id]) };

describe('killTaskIdParts', () => {
  it('reads the interval out of an API-issued kill task id', () => {
    expect(killTaskIdParts(ours.id, 'sales_events')).toEqual({
      start: '2024-02-01T00:00:00.000Z',
      end: '2024-03-01T00:00:00.000Z',
    });
  });

  it('does not mistake another datasource sharing the prefix, or another kind of id', () => {
    expect(killTaskIdParts(ours.id, 'sales')).toBeNull();
    expect(killTaskIdParts('kill_sales_events_2024', 'sales_events')).toBeNull();
    expect(killTaskIdParts(`api-issued_kill_sales_events_ABCDEFGH_${FEB_TEXT}_x`, 'sales_events')).toBeNull();
  });

  it('keeps Druid’s eternity start intact', () => {
    const id =
      'api-issued_kill_w_abcdefgh_-146136543-09-08T08:23:32.096Z_2024-01-01T00:00:00.000Z_2024-06-01T00:00:00.000Z';
    expect(killTaskIdParts(id, 'w')?.start).toBe('-146136543-09-08T08:23:32.096Z');
  });
});

describe('findIssuedKillTask', () => {
  it('finds the new task for the requested interval, not an older one or one for another interval', () => {
    expect(findIssuedKillTask([older, otherInterval, ours], search)).toBe(ours);
  });

  it('allows for a server clock somewhat behind the browser, but not for tasks from long before', () => {
    const behind = task(
      `api-issued_kill_sales_events_bbbbbbbb_${FEB_TEXT}_2024-06-01T09:59:10.000Z`,
      '2024-06-01T09:59:10.000Z',
    );
    expect(findIssuedKillTask([behind], { ...search, knownIds: null })).toBe(behind);
    const stale = task(
      `api-issued_kill_sales_events_cccccccc_${FEB_TEXT}_2024-06-01T09:00:00.000Z`,
      '2024-06-01T09:00:00.000Z',
    );
    expect(findIssuedKillTask([stale], { ...search, knownIds: null })).toBeNull();
  });

  it('ignores tasks that existed before the request, whatever their time says', () => {
    expect(findIssuedKillTask([ours], { ...search, knownIds: new Set([ours.id]) })).toBeNull();
  });

  it('ignores other datasources and tasks not issued through the API', () => {
    const foreign = { ...ours, dataSource: 'sales' };
    const manual = task(`kill_sales_events_abcdefgh_${FEB_TEXT}_2024-06-01T10:00:00.300Z`, '2024-06-01T10:00:00.300Z');
    expect(findIssuedKillTask([foreign, manual], search)).toBeNull();
  });

  it('falls back to a new task naming the interval differently unless the same interval is required', () => {
    expect(findIssuedKillTask([otherInterval], search)).toBe(otherInterval);
    expect(findIssuedKillTask([otherInterval], search, { requireSameInterval: true })).toBeNull();
  });

  it('prefers the one created closest to the request among equals', () => {
    const later = task(
      `api-issued_kill_sales_events_dddddddd_${FEB_TEXT}_2024-06-01T10:01:30.000Z`,
      '2024-06-01T10:01:30.000Z',
    );
    expect(findIssuedKillTask([later, ours], search)).toBe(ours);
  });
});

describe('taskState', () => {
  it('reads statusCode, or the deprecated status, and knows when a task is over', () => {
    expect(taskState({ id: 'x', statusCode: 'SUCCESS' })).toBe('SUCCESS');
    expect(taskState({ id: 'x', status: 'failed' })).toBe('FAILED');
    expect(taskState(null)).toBe('UNKNOWN');
    expect(isTaskComplete({ id: 'x', statusCode: 'RUNNING' })).toBe(false);
    expect(isTaskComplete({ id: 'x', statusCode: 'FAILED' })).toBe(true);
  });
});
