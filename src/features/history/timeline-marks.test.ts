import { describe, expect, it } from 'vitest';
import { toAuditEntries } from '../../api/history.ts';
import { buildLanes, clusterEntries, moveMark, visibleEntries } from './timeline-marks.ts';

const entry = (key: string, auditTime: string) => ({ key, auditTime, payload: '[]' });
const entries = toAuditEntries([
  entry('wiki', '2023-07-18T18:10:00.000Z'),
  entry('social', '2023-07-13T18:05:00.000Z'),
  entry('social', '2023-07-18T18:30:00.000Z'),
  entry('_default', '2023-07-15T00:00:00.000Z'),
  entry('social', '2023-07-18T18:49:00.000Z'),
  entry('broken', 'not a time'),
]);
const lanes = buildLanes(entries);
const id = (key: string, time: string) => `${key}@${time}`;

describe('buildLanes', () => {
  it('makes one lane per key, defaults first, oldest first, skipping unreadable times', () => {
    expect(lanes.map((lane) => lane.key)).toEqual(['_default', 'social', 'wiki']);
    expect(lanes[1]?.entries.map((e) => e.auditTime)).toEqual([
      '2023-07-13T18:05:00.000Z',
      '2023-07-18T18:30:00.000Z',
      '2023-07-18T18:49:00.000Z',
    ]);
  });

  it('cuts a lane to the window, ends included', () => {
    const social = lanes[1];
    if (!social) throw new Error('no lane');
    const window = { start: Date.parse('2023-07-18T18:30:00Z'), end: Date.parse('2023-07-18T18:49:00Z') };
    expect(visibleEntries(social, window)).toHaveLength(2);
  });
});

describe('moveMark', () => {
  const newest = id('social', '2023-07-18T18:49:00.000Z');
  it('moves along a lane and stops at its ends', () => {
    expect(moveMark(lanes, newest, 'previous')?.auditTime).toBe('2023-07-18T18:30:00.000Z');
    expect(moveMark(lanes, newest, 'next')?.id).toBe(newest);
    expect(moveMark(lanes, newest, 'first')?.auditTime).toBe('2023-07-13T18:05:00.000Z');
  });

  it('jumps to the nearest change in the lane above or below', () => {
    expect(moveMark(lanes, newest, 'lane-down')?.key).toBe('wiki');
    expect(moveMark(lanes, newest, 'lane-up')?.key).toBe('_default');
    expect(moveMark(lanes, id('_default', '2023-07-15T00:00:00.000Z'), 'lane-up')?.key).toBe('_default');
  });
});

describe('clusterEntries', () => {
  const social = lanes[1]?.entries ?? [];
  const week = { start: Date.parse('2023-07-13T00:00:00Z'), end: Date.parse('2023-07-20T00:00:00Z') };

  it('merges changes too close to tell apart, and keeps the others single', () => {
    const clusters = clusterEntries(social, week, 56);
    expect(clusters.map((c) => c.entries.length)).toEqual([1, 2]);
    expect(clusters[1]).toMatchObject({
      id: 'social@2023-07-18T18:30:00.000Z',
      start: Date.parse('2023-07-18T18:30:00Z'),
      end: Date.parse('2023-07-18T18:49:00Z'),
    });
    // Drawn in the middle of its slot (7 days / 56 = 3 h; 18:30 is in the slot 18:00–21:00).
    expect(clusters[1]?.time).toBe(Date.parse('2023-07-18T19:30:00Z'));
    expect(clusters[0]?.time).toBe(Date.parse('2023-07-13T18:05:00Z'));
  });

  it('splits them when zoomed in far enough', () => {
    const hour = { start: Date.parse('2023-07-18T18:00:00Z'), end: Date.parse('2023-07-18T19:00:00Z') };
    expect(clusterEntries(social.slice(1), hour, 56).map((c) => c.entries.length)).toEqual([1, 1]);
  });
});
