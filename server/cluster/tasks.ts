import type Database from 'better-sqlite3';
import { formatInstant } from '../../src/druid/instant.ts';
import { formatInterval, type Interval, parseInterval } from '../../src/druid/interval.ts';
import type { ClusterContext } from './context.ts';
import { deepStorageDir, deleteSegmentFile, loadSpecPath } from './deep-storage.ts';
import { applyGroupDeltas, type GroupDelta, mergeDeltas } from './segment-groups.ts';
import { bumpDataSources } from './segment-store.ts';
import { lowerWatermarkAfterDelete } from './segment-summary-sync.ts';

export interface TaskRow {
  id: string;
  created_date: string;
  created_ms: number;
  datasource: string;
  type: string;
  payload: string;
  status_code: 'RUNNING' | 'SUCCESS' | 'FAILED';
  duration: number | null;
  error_msg: string | null;
}

/** `IdUtils.getRandomId`: 8 characters 'a' + a random nibble. */
function randomId(): string {
  let id = '';
  for (let i = 0; i < 8; i++) id += String.fromCharCode(97 + Math.floor(Math.random() * 16));
  return id;
}

/** `IdUtils.newTaskId(prefix, "kill", …)`: `api-issued` from the kill API, `coordinator-issued` from auto-kill. */
export function killTaskId(dataSource: string, interval: Interval, now: number, prefix = 'api-issued'): string {
  return [
    prefix,
    'kill',
    dataSource,
    randomId(),
    formatInstant(interval.start),
    formatInstant(interval.end),
    formatInstant(now),
  ].join('_');
}

export interface KillOptions {
  /** The task ID prefix (Druid's `idPrefix`). */
  idPrefix?: string;
  /** At most this many segments (the payload's `limit`). */
  limit?: number;
  /** Only segments marked unused at or before this instant (epoch ms): auto-kill's buffer period. */
  maxUsedStatusLastUpdatedTime?: number;
}

interface KillPayload {
  dataSource: string;
  interval: string;
  limit?: number | null;
  maxUsedStatusLastUpdatedTime?: string | null;
}

/** Runs kill tasks asynchronously: RUNNING for `taskDurationMs`, then the deletion, then SUCCESS or FAILED. */
export class TaskRunner {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly ctx: ClusterContext) {}

  /** Tasks a previous process left RUNNING continue, as the Overlord restores its tasks. */
  resumeRunning(): void {
    const rows = this.ctx.db.prepare<[], TaskRow>("SELECT * FROM druid_tasks WHERE status_code = 'RUNNING'").all();
    for (const row of rows) this.schedule(row.id);
  }

  submitKill(dataSource: string, interval: Interval, options: KillOptions = {}): string {
    const now = this.ctx.now();
    const id = killTaskId(dataSource, interval, now, options.idPrefix);
    const payload = {
      type: 'kill',
      id,
      dataSource,
      interval: formatInterval(interval),
      versions: null,
      batchSize: null,
      limit: options.limit ?? null,
      maxUsedStatusLastUpdatedTime:
        options.maxUsedStatusLastUpdatedTime === undefined ? null : formatInstant(options.maxUsedStatusLastUpdatedTime),
    };
    this.ctx.db
      .prepare(
        `INSERT INTO druid_tasks (id, created_date, created_ms, datasource, type, payload, status_code)
         VALUES (?, ?, ?, ?, 'kill', ?, 'RUNNING')`,
      )
      .run(id, formatInstant(now), now, dataSource, JSON.stringify(payload));
    this.schedule(id);
    return id;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(id: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.finish(id);
    }, this.ctx.config.taskDurationMs);
    this.timers.add(timer);
  }

  private finish(id: string): void {
    const { db } = this.ctx;
    const task = db.prepare<[string], TaskRow>('SELECT * FROM druid_tasks WHERE id = ?').get(id);
    if (task?.status_code !== 'RUNNING') return;
    const duration = Math.max(0, this.ctx.now() - task.created_ms);
    try {
      const payload = JSON.parse(task.payload) as KillPayload;
      const killed = killUnusedSegments(
        db,
        deepStorageDir(this.ctx.config.dataDir),
        payload.dataSource,
        parseInterval(payload.interval),
        {
          limit: payload.limit ?? undefined,
          maxUsedStatusLastUpdatedTime: payload.maxUsedStatusLastUpdatedTime ?? undefined,
        },
      );
      db.transaction(() => {
        db.prepare("UPDATE druid_tasks SET status_code = 'SUCCESS', duration = ? WHERE id = ?").run(duration, id);
        saveKillReport(db, id, killed);
      })();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      db.prepare("UPDATE druid_tasks SET status_code = 'FAILED', duration = ?, error_msg = ? WHERE id = ?").run(
        duration,
        message,
        id,
      );
    }
  }
}

/**
 * Deletes only UNUSED segments fully inside the interval, from the metadata store (with its summaries, in one
 * transaction) and then from deep storage.
 */
export function killUnusedSegments(
  db: Database.Database,
  root: string,
  dataSource: string,
  interval: Interval,
  options: KillRowsOptions = {},
): number {
  const paths: string[] = [];
  let count = 0;
  const touched = db.transaction(() => {
    const deleted = deleteUnusedRows(db, dataSource, interval, options);
    function* deltas(): Generator<GroupDelta> {
      for (const row of deleted) {
        count++;
        const path = loadSpecPath(row.payload);
        if (path) paths.push(path);
        const unused: GroupDelta['unused'] = [-1, -row.size, -row.size * (row.replication_factor ?? 1)];
        yield { dataSource, start: row.start_ms, end: row.end_ms, version: row.version, used: [0, 0, 0], unused };
      }
    }
    const merged = mergeDeltas(deltas());
    lowerWatermarkAfterDelete(db);
    return applyGroupDeltas(db, merged);
  })();
  bumpDataSources(db, touched);
  for (const path of paths) deleteSegmentFile(root, path);
  return count;
}

export interface KillRowsOptions {
  limit?: number;
  /** ISO instant: only segments marked unused at or before it. */
  maxUsedStatusLastUpdatedTime?: string;
  /** Only segments of exactly this interval (the Overlord's embedded kill), not all those inside it. */
  exact?: boolean;
}

/**
 * Deletes the rows a kill task deletes, returning them. With a limit or a buffer, the candidates are chosen first
 * (in time order, by the (dataSource, start_ms, end_ms) index), as KillUnusedSegmentsTask fetches them in batches.
 */
function deleteUnusedRows(
  db: Database.Database,
  dataSource: string,
  interval: Interval,
  options: KillRowsOptions,
): Iterable<DeletedRow> {
  const returning = 'RETURNING payload, start_ms, end_ms, version, size, replication_factor';
  if (options.limit === undefined && options.maxUsedStatusLastUpdatedTime === undefined && !options.exact) {
    return db
      .prepare<[string, number, number], DeletedRow>(
        `DELETE FROM segment_rows WHERE dataSource = ? AND start_ms >= ? AND end_ms <= ?
           AND (SELECT used FROM segment_state s WHERE s.seg = segment_rows.seg) = 0 ${returning}`,
      )
      .iterate(dataSource, interval.start, interval.end);
  }
  // ISO instants of one format compare as text, as Druid's SQL compares used_status_last_updated.
  const buffer = options.maxUsedStatusLastUpdatedTime === undefined ? '' : 'AND s.used_status_last_updated <= ?';
  const range = options.exact ? 'r.start_ms = ? AND r.end_ms = ?' : 'r.start_ms >= ? AND r.end_ms <= ?';
  const params: Array<string | number> = [dataSource, interval.start, interval.end];
  if (options.maxUsedStatusLastUpdatedTime !== undefined) params.push(options.maxUsedStatusLastUpdatedTime);
  params.push(options.limit ?? -1);
  return db
    .prepare<Array<string | number>, DeletedRow>(
      `DELETE FROM segment_rows WHERE seg IN (
         SELECT r.seg FROM segment_rows r CROSS JOIN segment_state s ON s.seg = r.seg
         WHERE r.dataSource = ? AND ${range} AND s.used = 0 ${buffer}
         ORDER BY r.start_ms, r.end_ms, r.id LIMIT ?) ${returning}`,
    )
    .iterate(...params);
}

/** Druid's batch size for kill tasks (KillUnusedSegmentsTask's default `batchSize`). */
const KILL_BATCH_SIZE = 100;

/** The task's KillTaskReport, as `GET /task/{id}/reports` serves it. */
function saveKillReport(db: Database.Database, id: string, killed: number): void {
  const report = {
    killUnusedSegments: {
      type: 'killUnusedSegments',
      taskId: id,
      payload: { numSegmentsKilled: killed, numBatchesProcessed: Math.ceil(killed / KILL_BATCH_SIZE) },
    },
  };
  db.prepare('INSERT OR REPLACE INTO task_reports (id, report) VALUES (?, ?)').run(id, JSON.stringify(report));
}

export function taskReport(db: Database.Database, id: string): string | null {
  return (
    db.prepare<[string], { report: string }>('SELECT report FROM task_reports WHERE id = ?').get(id)?.report ?? null
  );
}

interface DeletedRow {
  payload: string;
  start_ms: number;
  end_ms: number;
  version: string;
  size: number;
  replication_factor: number | null;
}

export function taskStatusPlus(row: TaskRow): Record<string, unknown> {
  const complete = row.status_code !== 'RUNNING';
  return {
    id: row.id,
    groupId: row.id,
    type: row.type,
    createdTime: row.created_date,
    queueInsertionTime: '1970-01-01T00:00:00.000Z',
    statusCode: row.status_code,
    status: row.status_code,
    runnerStatusCode: complete ? 'NONE' : 'RUNNING',
    duration: complete ? row.duration : -1,
    location: complete ? { host: null, port: -1, tlsPort: -1 } : { host: 'localhost', port: 8100, tlsPort: -1 },
    dataSource: row.datasource,
    errorMsg: row.error_msg,
  };
}

export function findTask(db: Database.Database, id: string): TaskRow | undefined {
  return db.prepare<[string], TaskRow>('SELECT * FROM druid_tasks WHERE id = ?').get(id);
}

export function listTasks(
  db: Database.Database,
  filter: { dataSource?: string; type?: string; state?: 'running' | 'complete' | 'pending' | 'waiting'; max?: number },
): TaskRow[] {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (filter.dataSource !== undefined) {
    where.push('datasource = ?');
    params.push(filter.dataSource);
  }
  if (filter.type !== undefined) {
    where.push('type = ?');
    params.push(filter.type);
  }
  if (filter.state === 'running') where.push("status_code = 'RUNNING'");
  if (filter.state === 'complete') where.push("status_code <> 'RUNNING'");
  if (filter.state === 'pending' || filter.state === 'waiting') where.push('0');
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const limit = filter.max !== undefined ? ` LIMIT ${Math.floor(filter.max)}` : '';
  return db
    .prepare<Array<string | number>, TaskRow>(
      `SELECT * FROM druid_tasks${clause} ORDER BY created_ms DESC, rowid DESC${limit}`,
    )
    .all(...params);
}
