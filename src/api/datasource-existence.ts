/**
 * Whether a datasource named in a URL exists, from bounded requests only: the metadata store's names (used or not,
 * the list every view already shares), then, only for a name not among them, its own rules and the served names (a
 * datasource fed only by realtime tasks is not in the metadata store yet). Never by listing segments.
 */
import { useQuery } from '@tanstack/react-query';
import { closestNames } from '../druid/closest-names.ts';
import { dataSourceNamesWithUnusedQueryOptions } from './datasources.ts';
import { type RuleListResult, rulesOfQueryOptions } from './rules.ts';
import { usedTotalsQueryOptions } from './used-totals.ts';

export type DataSourceExistence =
  /** Not decided yet: views show themselves meanwhile, as before. */
  | { state: 'checking' }
  /** A request failed: views show themselves (their own requests say what is wrong). */
  | { state: 'unknown'; error: unknown }
  /** Segments in the metadata store (used, unused or both) or served. */
  | { state: 'exists' }
  /** Rules of its own but no segments: a datasource to be ingested, or one whose segments were all killed. */
  | { state: 'rules-only' }
  | { state: 'missing'; suggestions: string[] };

/** The answer of one request as far as it has come. */
export type Answer<T> = { status: 'pending' } | { status: 'error'; error: unknown } | { status: 'ok'; value: T };

export interface ExistenceAnswers {
  /** Names in the metadata store, datasources whose segments are all unused included. */
  names: Answer<readonly string[]>;
  /** The datasource's own rules; asked only when the name is not in `names`. */
  ownRules: Answer<RuleListResult>;
  /** Names of served datasources; asked only when the name has neither segments nor rules. */
  served: Answer<ReadonlySet<string>>;
}

/** Which answers are needed, in order, and what they decide. */
export function decideExistence(dataSource: string, answers: ExistenceAnswers): DataSourceExistence {
  const { names, ownRules, served } = answers;
  if (names.status !== 'ok') return names.status === 'error' ? { state: 'unknown', error: names.error } : checking;
  if (names.value.includes(dataSource)) return { state: 'exists' };
  if (ownRules.status !== 'ok') return ownRules.status === 'error' ? unknown(ownRules.error) : checking;
  // `[]` clears a datasource's rules in Druid (the defaults apply), so only a non-empty list counts.
  if (ownRules.value.raw.length > 0) return { state: 'rules-only' };
  if (served.status !== 'ok') return served.status === 'error' ? unknown(served.error) : checking;
  if (served.value.has(dataSource)) return { state: 'exists' };
  return { state: 'missing', suggestions: closestNames(dataSource, [...names.value, ...served.value]) };
}

const checking: DataSourceExistence = { state: 'checking' };
const unknown = (error: unknown): DataSourceExistence => ({ state: 'unknown', error });

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isFetching: boolean;
}

/** Cached data counts as an answer unless it is being fetched again, so a stale list never calls a new name missing. */
function answerOf<T>(query: QueryLike<T>, settled: (value: T) => boolean = () => false): Answer<T> {
  if (query.data !== undefined && (settled(query.data) || !query.isFetching)) {
    if (query.error && !settled(query.data)) return { status: 'error', error: query.error };
    return { status: 'ok', value: query.data };
  }
  if (query.error && !query.isFetching) return { status: 'error', error: query.error };
  return { status: 'pending' };
}

const servedNames = (totals: ReadonlyMap<string, unknown>): ReadonlySet<string> => new Set(totals.keys());

/** Whether the datasource exists; `null` (no datasource in the route, or `_default` under /rules) asks nothing. */
export function useDataSourceExistence(dataSource: string | null): DataSourceExistence | null {
  const name = dataSource ?? '';
  const namesQuery = useQuery({ ...dataSourceNamesWithUnusedQueryOptions(), enabled: dataSource !== null });
  const names = answerOf(namesQuery, (list) => list.includes(name));
  const unlisted = dataSource !== null && names.status === 'ok' && !names.value.includes(name);
  const rulesQuery = useQuery({ ...rulesOfQueryOptions(name), enabled: unlisted });
  const ownRules = answerOf(rulesQuery);
  const noRules = unlisted && ownRules.status === 'ok' && ownRules.value.raw.length === 0;
  const servedQuery = useQuery({
    ...usedTotalsQueryOptions(),
    enabled: noRules,
    select: servedNames,
  });
  const served = answerOf(servedQuery, (set) => set.has(name));
  if (dataSource === null) return null;
  return decideExistence(dataSource, { names, ownRules, served });
}
