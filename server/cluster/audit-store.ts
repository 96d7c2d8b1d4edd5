import type Database from 'better-sqlite3';
import { formatInstant } from '../../src/druid/instant.ts';
import type { Interval } from '../../src/druid/interval.ts';

/** Who made a change, as Druid's AuthorizationUtils.buildAuditInfo reads it from the request. */
export interface AuditInfo {
  author: string;
  identity: string | null;
  comment: string;
  ip: string;
}

export interface AuditEntry {
  key: string;
  type: string;
  auditInfo: AuditInfo;
  request: unknown;
  /** The serialized payload: Druid's Payload is a JSON string. */
  payload: string;
  auditTime: string;
}

export const DEFAULT_AUDIT_HISTORY_MS = 7 * 24 * 60 * 60 * 1000;

export function recordAudit(
  db: Database.Database,
  entry: { key: string; type: string; auditInfo: AuditInfo; payload: string; request?: unknown; at: number },
): AuditEntry {
  const stored: AuditEntry = {
    key: entry.key,
    type: entry.type,
    auditInfo: entry.auditInfo,
    request: entry.request ?? null,
    payload: entry.payload,
    auditTime: formatInstant(entry.at),
  };
  db.prepare(
    'INSERT INTO druid_audit (audit_key, type, author, comment, created_date, created_ms, payload) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    entry.key,
    entry.type,
    entry.auditInfo.author,
    entry.auditInfo.comment,
    stored.auditTime,
    entry.at,
    JSON.stringify(stored),
  );
  return stored;
}

export type HistoryQuery = { kind: 'count'; count: number } | { kind: 'interval'; interval: Interval };

/**
 * SQLAuditManager's two modes: the last `count` entries newest first, or the entries whose time is between the
 * interval's ends (both inclusive) oldest first.
 */
export function auditHistory(
  db: Database.Database,
  type: string,
  key: string | null,
  query: HistoryQuery,
): AuditEntry[] {
  const where = ['type = ?'];
  const params: Array<string | number> = [type];
  if (key !== null) {
    where.push('audit_key = ?');
    params.push(key);
  }
  let tail: string;
  if (query.kind === 'count') {
    tail = ` ORDER BY created_ms DESC, id DESC LIMIT ${Math.floor(query.count)}`;
  } else {
    where.push('created_ms BETWEEN ? AND ?');
    params.push(query.interval.start, query.interval.end);
    tail = ' ORDER BY created_ms ASC, id ASC';
  }
  return db
    .prepare<Array<string | number>, { payload: string }>(
      `SELECT payload FROM druid_audit WHERE ${where.join(' AND ')}${tail}`,
    )
    .all(...params)
    .map((row) => JSON.parse(row.payload) as AuditEntry);
}
