import { describe, expect, it } from 'vitest';
import type { Rule } from '../../druid/rules.ts';
import { changedMeanwhile, type FleetSaveItem, reportFleetRun, runFleetSave } from './fleet-run.ts';

const items = (...names: string[]): FleetSaveItem[] => names.map((name) => ({ name, rules: [] }));

describe('runFleetSave', () => {
  it('sends one request per datasource and names every failure with Druid’s message', async () => {
    const sent: string[] = [];
    const progress: number[] = [];
    const outcome = await runFleetSave({
      items: items('a', 'b', 'c'),
      send: async ({ name }) => {
        sent.push(name);
        if (name === 'b') throw new Error('Druid said no');
      },
      isCancelled: () => false,
      onProgress: (p) => progress.push(p.done),
      concurrency: 2,
    });
    expect(sent.sort()).toEqual(['a', 'b', 'c']);
    expect(outcome.saved.sort()).toEqual(['a', 'c']);
    expect(outcome.failed).toEqual([{ name: 'b', error: 'Druid said no' }]);
    expect(progress).toEqual([1, 2, 3]);
    const report = reportFleetRun(outcome, ['d'], []);
    expect(report.title).toBe('Partly failed: 2 datasources saved, 1 datasource failed');
    expect(report.lines.map((l) => [l.label, l.names.length])).toEqual([
      ['Saved', 2],
      ['Unchanged, not sent', 1],
      ['Failed', 1],
    ]);
    expect(report.lines[2]?.errors).toEqual({ b: 'Druid said no' });
  });

  it('stops after the requests in flight when cancelled and lists what was not sent', async () => {
    let cancelled = false;
    const outcome = await runFleetSave({
      items: items('a', 'b', 'c', 'd'),
      send: async ({ name }) => {
        if (name === 'b') cancelled = true;
      },
      isCancelled: () => cancelled,
      concurrency: 1,
    });
    expect(outcome).toMatchObject({ saved: ['a', 'b'], notSent: ['c', 'd'], cancelled: true });
    const report = reportFleetRun(outcome, [], ['e']);
    expect(report.title).toBe('Cancelled: 2 datasources saved');
    expect(report.lines.map((l) => l.label)).toEqual([
      'Saved',
      'Changed by someone else meanwhile, not sent',
      'Not sent (cancelled)',
    ]);
  });

  it('reports a clean run as a success', async () => {
    const outcome = await runFleetSave({ items: items('a'), send: async () => {}, isCancelled: () => false });
    expect(reportFleetRun(outcome, [], [])).toMatchObject({ title: 'Saved 1 datasource', tone: 'success' });
  });
});

describe('changedMeanwhile', () => {
  it('leaves out datasources whose rules differ from what was read, or cannot be read now', () => {
    const drop = { type: 'dropForever' } as Rule;
    const read = (rules: Rule[]) => ({ rules, raw: rules, error: null });
    const current = {
      same: read([drop]),
      other: read([]),
      broken: { rules: [], raw: [{ type: 'x' }], error: 'Rule 1: unknown type "x"' },
    };
    const expected = (name: string) => (name === 'absent' ? [] : [drop]);
    expect(changedMeanwhile(items('same', 'other', 'broken', 'absent'), current, expected)).toEqual([
      'other',
      'broken',
    ]);
  });
});
