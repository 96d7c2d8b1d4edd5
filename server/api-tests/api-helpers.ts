import { expect } from 'vitest';
import type { TestCluster } from '../testing/test-cluster.ts';

/** Helpers shared by the API tests: real HTTP calls against a test cluster, and the demo seed's segment IDs. */

/** What the console (and the Druid docs) send with every call. */
export const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/plain' };

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; fails the test when it is not JSON. */
  json<T = unknown>(): T;
}

export interface CallOptions {
  /** A value to send as JSON, or a string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export async function call(
  cluster: Pick<TestCluster, 'fetch'>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const response = await cluster.fetch(path, { method, body, headers: { ...JSON_HEADERS, ...options.headers } });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json<T>() {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new Error(`${method} ${path}: expected JSON, got ${response.status} ${text.slice(0, 200)}`);
      }
    },
  };
}

/** A JSON GET that must answer 200. */
export async function getJson<T = unknown>(cluster: Pick<TestCluster, 'fetch'>, path: string): Promise<T> {
  const response = await call(cluster, 'GET', path);
  expect(response.status, `GET ${path}: ${response.text.slice(0, 200)}`).toBe(200);
  return response.json<T>();
}

/** Druid 32+'s SegmentUpdateResponse for `n` changed segments. */
export function changed(n: number) {
  return { numChangedSegments: n, segmentStateChanged: n > 0 };
}

export const COORDINATOR = '/druid/coordinator/v1/datasources';
export const OVERLORD = '/druid/indexer/v1/datasources';
export const METADATA = '/druid/coordinator/v1/metadata';

export const WIKI_VERSION = '2023-08-10T04:12:03.860Z';
export const SALES_V1 = '2024-04-01T00:00:00.000Z';
export const SALES_V2 = '2024-05-01T00:00:00.000Z';
export const DONNEES = 'données_ventes_été';
export const DONNEES_VERSION = '2024-07-15T00:00:00.000Z';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function segmentId(dataSource: string, start: number, end: number, version: string, partition = 0): string {
  const base = `${dataSource}_${iso(start)}_${iso(end)}_${version}`;
  return partition === 0 ? base : `${base}_${partition}`;
}

/** wikipedia_hour's segment for hour `h` of 2015-09-12. */
export function wikiHourId(h: number): string {
  const start = Date.UTC(2015, 8, 12, h);
  return segmentId('wikipedia_hour', start, start + HOUR, WIKI_VERSION);
}

/** A daily segment starting at `day` (YYYY-MM-DD). */
export function dailyId(dataSource: string, day: string, version: string, partition = 0): string {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  return segmentId(dataSource, start, start + DAY, version, partition);
}

/** A datasource name as a path segment (données_ventes_été needs percent-encoding). */
export function ds(name: string): string {
  return encodeURIComponent(name);
}

/** Path of a single segment under a datasources base path. */
export function segmentPath(base: string, dataSource: string, id: string): string {
  return `${base}/${ds(dataSource)}/segments/${encodeURIComponent(id)}`;
}

export async function usedIds(cluster: Pick<TestCluster, 'fetch'>, dataSource: string): Promise<string[]> {
  const response = await call(cluster, 'GET', `${METADATA}/datasources/${ds(dataSource)}/segments`);
  if (response.status === 404) return [];
  expect(response.status).toBe(200);
  return response.json<string[]>();
}

export interface SegmentPlus {
  dataSegment: { identifier: string; interval: string; version: string; loadSpec: { path: string } };
  createdDate: string | null;
  usedStatusLastUpdatedDate: string | null;
  used: boolean;
}

export async function unusedIds(
  cluster: Pick<TestCluster, 'fetch'>,
  dataSource: string,
  query = '',
): Promise<string[]> {
  const rows = await getJson<SegmentPlus[]>(
    cluster,
    `${METADATA}/datasources/${ds(dataSource)}/unusedSegments${query}`,
  );
  return rows.map((row) => row.dataSegment.identifier);
}

/** Polls `read` until `done` holds (kill tasks run asynchronously); fails after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out; last value ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The exact 400 text of Druid's SegmentsToUpdateFilter. */
export const INVALID_PAYLOAD =
  "Invalid request payload. Specify either 'interval' or 'segmentIds', but not both. Optionally, include 'versions' only when 'interval' is provided.";

export function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}
