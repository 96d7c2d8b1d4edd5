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

export function killTaskId(dataSource: string, interval: Interval, now: number): string {
  return [
    'api-issued',
    'kill',
    dataSource,
    randomId(),
    formatInstant(interval.start),
    formatInstant(interval.end),
    formatInstant(now),
  ].join('_');
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

  submitKill(dataSource: string, interval: Interval): string {
    const now = this.ctx.now();
    const id = killTaskId(dataSource, interval, now);
    const payload = {
      type: 'kill',
      id,
      dataSource,
      interval: formatInterval(interval),
      versions: null,
      batchSize: null,
      limit: null,
      maxUsedStatusLastUpdatedTime: null,
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
      const { dataSource, interval } = JSON.parse(task.payload) as { dataSource: string; interval: string };
      killUnusedSegments(db, deepStorageDir(this.ctx.config.dataDir), dataSource, parseInterval(interval));
      db.prepare("UPDATE druid_tasks SET status_code = 'SUCCESS', duration = ? WHERE id = ?").run(duration, id);
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
): number {
  const paths: string[] = [];
  let count = 0;
  const touched = db.transaction(() => {
    const deleted = db
      .prepare<[string, number, number], DeletedRow>(
        `DELETE FROM segment_rows WHERE dataSource = ? AND start_ms >= ? AND end_ms <= ?
           AND (SELECT used FROM segment_state s WHERE s.seg = segment_rows.seg) = 0
         RETURNING payload, start_ms, end_ms, version, size, replication_factor`,
      )
      .iterate(dataSource, interval.start, interval.end);
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
