import { describe, expect, it } from 'vitest';
import { exportFileName, segmentsToCsv, segmentsToJson } from './export-segments.ts';
import { record, WIKI_START } from './test-records.ts';

const HOUR = 3_600_000;

describe('exporting segments', () => {
  const used = record('wikipedia_hour', WIKI_START, WIKI_START + HOUR, { replication: 2 });
  const unused = record('x,"quoted"', WIKI_START, WIKI_START + HOUR, {
    state: 'unused',
    lastUpdated: Date.UTC(2024, 0, 20, 1),
  });

  it('writes CSV with a header, ISO instants and RFC 4180 quoting', () => {
    const lines = segmentsToCsv([used, unused]).split('\r\n');
    expect(lines[0]).toBe('id,state,start,end,version,partition,size,replication,unusedSince');
    expect(lines[1]).toBe(
      `${used.id},used,2015-09-12T00:00:00.000Z,2015-09-12T01:00:00.000Z,2023-08-10T04:12:03.860Z,0,1000,2,`,
    );
    expect(lines[2]).toMatch(/^"x,""quoted""_2015-09-12T00:00:00\.000Z_[^"]*",unused,.*,2024-01-20T01:00:00\.000Z$/);
    expect(lines[3]).toBe('');
  });

  it('writes JSON records', () => {
    expect(JSON.parse(segmentsToJson([unused]))).toEqual([
      {
        id: unused.id,
        state: 'unused',
        start: '2015-09-12T00:00:00.000Z',
        end: '2015-09-12T01:00:00.000Z',
        version: '2023-08-10T04:12:03.860Z',
        partition: 0,
        size: 1000,
        replication: null,
        unusedSince: '2024-01-20T01:00:00.000Z',
      },
    ]);
  });

  it('names files safely', () => {
    expect(exportFileName('données_ventes_été', 3, 'csv')).toBe('données_ventes_été-segments-3.csv');
    expect(exportFileName('../a b/c', 1, 'json')).toBe('.._a_b_c-segments-1.json');
  });
});
