import { describe, expect, it } from 'vitest';
import { ETERNITY_END_TEXT, ETERNITY_START_TEXT, MAX_INSTANT, MIN_INSTANT } from './instant.ts';
import {
  compareSegmentIds,
  formatSegmentId,
  mostProbableDataSource,
  parseSegmentId,
  possibleParsings,
  possibleParsingsWithDataSource,
  type SegmentIdParts,
} from './segment-id.ts';
import { at } from './test-helpers.ts';

const D1 = at('2015-01-01');
const D2 = at('2015-01-02');
const D3 = at('2015-01-03');
const parts = (dataSource: string, start: number, end: number, version: string, partitionNum = 0): SegmentIdParts => ({
  dataSource,
  start,
  end,
  version,
  partitionNum,
});

describe('formatSegmentId (SegmentId.toString)', () => {
  it('writes dataSource_start_end_version[_partition], omitting partition 0', () => {
    expect(formatSegmentId(parts('datasource', D2, D3, 'ver_0', 1))).toBe(
      'datasource_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z_ver_0_1',
    );
    expect(formatSegmentId(parts('datasource', D2, D3, 'ver'))).toBe(
      'datasource_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z_ver',
    );
    expect(formatSegmentId(parts('wikipedia', at('2015-09-12T16:00Z'), at('2015-09-12T17:00Z'), 'v1', 3))).toBe(
      'wikipedia_2015-09-12T16:00:00.000Z_2015-09-12T17:00:00.000Z_v1_3',
    );
    expect(formatSegmentId(parts('ds', MIN_INSTANT, MAX_INSTANT, 'dummy_version'))).toBe(
      `ds_${ETERNITY_START_TEXT}_${ETERNITY_END_TEXT}_dummy_version`,
    );
  });
});

describe('parseSegmentId (SegmentId.tryParse)', () => {
  it.each([
    ['datasource', parts('datasource', D2, D3, 'ver_0', 1)],
    ['datasource', parts('datasource', D2, D3, 'ver')],
    ['datasource', parts('datasource', at('2014-10-20'), at('2014-10-21'), 'ver_0', 1)],
    ['datasource_1', parts('datasource_1', D2, D3, 'ver_0', 1)],
    ['datasource_1', parts('datasource_1', D2, D3, 'ver')],
    ['datasource_2015-01-01T00:00:00.000Z', parts('datasource_2015-01-01T00:00:00.000Z', D2, D3, 'ver_0', 1)],
    ['datasource_2015-01-01T00:00:00.000Z', parts('datasource_2015-01-01T00:00:00.000Z', D2, D3, 'ver')],
    ['ds', parts('ds', MIN_INSTANT, MAX_INSTANT, 'v')],
  ])('round-trips an ID of %s', (dataSource, expected) => {
    expect(parseSegmentId(formatSegmentId(expected), dataSource)).toEqual(expected);
  });

  it('prefers a trailing positive number as the partition, never a trailing 0', () => {
    const base = 'datasource_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z';
    expect(possibleParsingsWithDataSource(`${base}_ver_1`, 'datasource')).toEqual([
      parts('datasource', D2, D3, 'ver', 1),
      parts('datasource', D2, D3, 'ver_1', 0),
    ]);
    expect(possibleParsingsWithDataSource(`${base}_ver_0`, 'datasource')).toEqual([
      parts('datasource', D2, D3, 'ver_0', 0),
    ]);
    expect(parseSegmentId(`${base}_ver_0`, 'datasource')).toEqual(parts('datasource', D2, D3, 'ver_0'));
    expect(possibleParsingsWithDataSource(`${base}_ver_-1`, 'datasource')).toEqual([
      parts('datasource', D2, D3, 'ver_-1'),
    ]);
    expect(possibleParsingsWithDataSource(`${base}_ver_99999999999`, 'datasource')).toEqual([
      parts('datasource', D2, D3, 'ver_99999999999'),
    ]);
    // Three parts: the third is always the version, even when it is a number.
    expect(possibleParsingsWithDataSource(`${base}_5`, 'datasource')).toEqual([parts('datasource', D2, D3, '5')]);
  });

  it.each([
    ['datasource_2015-01-02T00:00:00.000Z_2014-10-20T00:00:00.000Z_version', 'start after end'],
    ['datasource_2015-01-02T00:00:00.000Z_2015-01-02T00:00:00.000Z_version', 'start equal to end'],
    ['datasource_invalid_interval_version', 'no timestamps'],
    ['datasource_2015-01-02T00:00:00.000Z_version', 'one timestamp'],
    ['datasource_2015-01-02_2015-01-03_version', 'date-only timestamps'],
    ['datasource_2015-01-02T00:00:00Z_2015-01-03T00:00:00Z_version', 'timestamps without millis'],
    ['other_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z_version', 'another datasource'],
    ['datasourcex_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z_version', 'a longer datasource name'],
    ['datasource', 'the datasource alone'],
    ['', 'an empty string'],
  ])('rejects %s (%s)', (id) => {
    expect(parseSegmentId(id, 'datasource')).toBeNull();
    expect(possibleParsingsWithDataSource(id, 'datasource')).toEqual([]);
  });

  it('rejects an empty datasource', () => {
    expect(parseSegmentId('_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z_v', '')).toBeNull();
  });

  it('reads timestamps with offsets as Joda does', () => {
    const id = 'ds_2015-01-02T01:00:00.000+01:00_2015-01-03T00:00:00.000Z_v';
    expect(parseSegmentId(id, 'ds')).toEqual(parts('ds', D2, D3, 'v'));
  });
});

describe('possibleParsings (SegmentId.iterateAllPossibleParsings)', () => {
  it('finds every parsing of an ambiguous ID, most probable datasource first', () => {
    const id = 'datasource_2015-01-01T00:00:00.000Z_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z_ver_0_1';
    expect(possibleParsings(id)).toEqual([
      parts('datasource', D1, D2, '2015-01-03T00:00:00.000Z_ver_0', 1),
      parts('datasource', D1, D2, '2015-01-03T00:00:00.000Z_ver_0_1', 0),
      parts('datasource_2015-01-01T00:00:00.000Z', D2, D3, 'ver_0', 1),
      parts('datasource_2015-01-01T00:00:00.000Z', D2, D3, 'ver_0_1', 0),
    ]);
  });

  it('handles an empty version', () => {
    const id = 'datasource_2015-01-01T00:00:00.000Z_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z__1';
    expect(possibleParsings(id)).toEqual([
      parts('datasource', D1, D2, '2015-01-03T00:00:00.000Z_', 1),
      parts('datasource', D1, D2, '2015-01-03T00:00:00.000Z__1', 0),
      parts('datasource_2015-01-01T00:00:00.000Z', D2, D3, '', 1),
      parts('datasource_2015-01-01T00:00:00.000Z', D2, D3, '_1', 0),
    ]);
  });

  it('drops parsings whose timestamps are not ascending', () => {
    const id = 'datasource_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z_2015-01-02T00:00:00.000Z_ver_1';
    expect(possibleParsings(id)).toEqual([
      parts('datasource', D2, D3, '2015-01-02T00:00:00.000Z_ver', 1),
      parts('datasource', D2, D3, '2015-01-02T00:00:00.000Z_ver_1', 0),
    ]);
  });

  it('tries every prefix when no datasource looks probable', () => {
    expect(possibleParsings('a_b_2015-01-01_2015-01-02_v')).toEqual([]);
    expect(possibleParsings('my_ds_2015-01-01T00:00:00.000Z_2015-01-02T00:00:00.000Z_v')).toEqual([
      parts('my_ds', D1, D2, 'v'),
    ]);
  });

  it('guesses the datasource like Druid', () => {
    for (const id of [
      'datasource_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z_ver_0_1',
      'datasource_1_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z_ver',
      'datasource_2015-01-01T00:00:00.000Z_2015-01-02T00:00:00.000Z_2015-01-03T00:00:00.000Z_ver',
    ]) {
      expect(['datasource', 'datasource_1']).toContain(mostProbableDataSource(id));
    }
    expect(mostProbableDataSource(`_${ETERNITY_START_TEXT}_${ETERNITY_END_TEXT}_lookup`)).toBeNull();
    expect(mostProbableDataSource('2015-01-02T00:00:00.000Z_x')).toBeNull();
  });
});

describe('compareSegmentIds (SegmentId.compareTo)', () => {
  it('orders by dataSource, start, end, version, then partition', () => {
    const ids = [
      parts('b', D1, D2, 'v1'),
      parts('a', D2, D3, 'v1'),
      parts('a', D1, D3, 'v1'),
      parts('a', D1, D2, 'v2'),
      parts('a', D1, D2, 'v1', 2),
      parts('a', D1, D2, 'v1', 10),
      parts('a', D1, D2, 'v1'),
    ];
    expect([...ids].sort(compareSegmentIds).map(formatSegmentId)).toEqual([
      formatSegmentId(parts('a', D1, D2, 'v1')),
      formatSegmentId(parts('a', D1, D2, 'v1', 2)),
      formatSegmentId(parts('a', D1, D2, 'v1', 10)),
      formatSegmentId(parts('a', D1, D2, 'v2')),
      formatSegmentId(parts('a', D1, D3, 'v1')),
      formatSegmentId(parts('a', D2, D3, 'v1')),
      formatSegmentId(parts('b', D1, D2, 'v1')),
    ]);
    expect(compareSegmentIds(parts('a', D1, D2, 'v'), parts('a', D1, D2, 'v'))).toBe(0);
    // Java compares strings by UTF-16 code units: upper case sorts before lower case.
    expect(compareSegmentIds(parts('B', D1, D2, 'v'), parts('a', D1, D2, 'v'))).toBeLessThan(0);
  });
});
