/**
 * The segments view's filters and sort as they live in the URL:
 * `?state=used,unused&interval=2015-09-12/P1D&match=contained&version=v2&q=T05&sort=-size&segment=<id>`.
 * Unknown or malformed values fall back to the defaults rather than failing the page.
 */
import type { SegmentState } from '../../api/segments.ts';

export const SEGMENT_STATES: readonly SegmentState[] = ['used', 'overshadowed', 'unused'];

export const SORT_COLUMNS = [
  'state',
  'start',
  'end',
  'version',
  'partition',
  'size',
  'replication',
  'lastUpdated',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export type IntervalMatch = 'overlap' | 'contained';

export interface SegmentSort {
  column: SortColumn;
  desc: boolean;
}

export interface SegmentFilters {
  /** Empty = every state. */
  states: SegmentState[];
  /** As typed; checked when applied. */
  interval: string;
  match: IntervalMatch;
  version: string;
  idText: string;
  sort: SegmentSort;
}

export const DEFAULT_SORT: SegmentSort = { column: 'start', desc: false };

export const EMPTY_FILTERS: SegmentFilters = {
  states: [],
  interval: '',
  match: 'overlap',
  version: '',
  idText: '',
  sort: DEFAULT_SORT,
};

function isState(value: string): value is SegmentState {
  return (SEGMENT_STATES as readonly string[]).includes(value);
}

function isSortColumn(value: string): value is SortColumn {
  return (SORT_COLUMNS as readonly string[]).includes(value);
}

export function readSort(text: string | null): SegmentSort {
  if (!text) return DEFAULT_SORT;
  const desc = text.startsWith('-');
  const column = desc ? text.slice(1) : text;
  return isSortColumn(column) ? { column, desc } : DEFAULT_SORT;
}

export function writeSort(sort: SegmentSort): string {
  return `${sort.desc ? '-' : ''}${sort.column}`;
}

export function readSegmentFilters(params: URLSearchParams): SegmentFilters {
  const states = (params.get('state') ?? '').split(',').filter(isState);
  return {
    // All three listed is the same as none: keep one spelling.
    states: states.length === SEGMENT_STATES.length ? [] : SEGMENT_STATES.filter((s) => states.includes(s)),
    interval: params.get('interval') ?? '',
    match: params.get('match') === 'contained' ? 'contained' : 'overlap',
    version: params.get('version') ?? '',
    idText: params.get('q') ?? '',
    sort: readSort(params.get('sort')),
  };
}

/** Writes the filters into a copy of `base`, keeping its other parameters (e.g. `segment`); defaults are omitted. */
export function writeSegmentFilters(filters: SegmentFilters, base = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  const set = (key: string, value: string, fallback: string) => {
    if (value === fallback) params.delete(key);
    else params.set(key, value);
  };
  const states = SEGMENT_STATES.filter((s) => filters.states.includes(s));
  set('state', states.length === SEGMENT_STATES.length ? '' : states.join(','), '');
  set('interval', filters.interval, '');
  set('match', filters.interval === '' ? 'overlap' : filters.match, 'overlap');
  set('version', filters.version, '');
  set('q', filters.idText, '');
  set('sort', writeSort(filters.sort), writeSort(DEFAULT_SORT));
  return params;
}

export function hasActiveFilters(filters: SegmentFilters): boolean {
  return filters.states.length > 0 || filters.interval !== '' || filters.version !== '' || filters.idText !== '';
}
