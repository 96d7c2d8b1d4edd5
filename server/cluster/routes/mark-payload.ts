import type { Interval } from '../../../src/druid/interval.ts';
import { parseJodaInterval } from './joda-interval.ts';

export const INVALID_PAYLOAD_MESSAGE =
  "Invalid request payload. Specify either 'interval' or 'segmentIds', but not both. Optionally, include 'versions' only when 'interval' is provided.";

export type MarkPayload =
  | { kind: 'interval'; interval: Interval; versions: string[] | null; raw: unknown }
  | { kind: 'ids'; segmentIds: string[]; raw: unknown };

export type MarkPayloadResult =
  | { ok: true; payload: MarkPayload }
  | { ok: false; status: 400; text: string; json?: boolean };

function stringList(value: unknown): string[] | null | 'invalid' {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return 'invalid';
  return value as string[];
}

/** SegmentsToUpdateFilter.isValid (Druid 30+), with Jackson's 400 for fields of the wrong type. */
export function parseMarkPayload(body: unknown): MarkPayloadResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, status: 400, text: INVALID_PAYLOAD_MESSAGE };
  }
  const { interval, segmentIds, versions } = body as Record<string, unknown>;
  const ids = stringList(segmentIds);
  const versionList = stringList(versions);
  if (ids === 'invalid' || versionList === 'invalid') {
    return { ok: false, status: 400, text: 'segmentIds and versions must be arrays of strings', json: true };
  }
  const hasIds = ids !== null && ids.length > 0;
  if (interval === undefined || interval === null) {
    if (!hasIds || (versionList !== null && versionList.length > 0)) {
      return { ok: false, status: 400, text: INVALID_PAYLOAD_MESSAGE };
    }
    return { ok: true, payload: { kind: 'ids', segmentIds: ids, raw: body } };
  }
  if (hasIds) return { ok: false, status: 400, text: INVALID_PAYLOAD_MESSAGE };
  if (typeof interval !== 'string') return { ok: false, status: 400, text: 'interval must be a string', json: true };
  const parsed = parseJodaInterval(interval);
  if (!parsed.ok) return { ok: false, status: 400, text: parsed.error, json: true };
  return { ok: true, payload: { kind: 'interval', interval: parsed.interval, versions: versionList, raw: body } };
}
