import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's automatic checkpoint copies the WAL into the database file inside the COMMIT of whichever write crosses
 * the threshold, so marking 10k segments paid for copying ~10 MB before it could answer. Checkpoints run here
 * instead, on a worker thread with its own connection: PASSIVE checkpoints never block the server's reads or writes,
 * and once every frame is copied the next write starts the WAL over, so it stays small.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, workerData.periodMs);
`;

export interface WalCheckpointer {
  stop(): void;
}

export function startWalCheckpointer(file: string, periodMs = 250): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, periodMs } });
  // A process that is done should not wait for the checkpointer; whatever it left in the WAL is replayed on open.
  worker.unref();
  worker.on('error', (error) => console.error('WAL checkpointer stopped:', error));
  // Terminated, not asked to stop: a message would only arrive once the worker had opened the database, which by
  // then may be closed or deleted. Ending the thread closes its connection, and a checkpoint cut short is harmless.
  return { stop: () => void worker.terminate() };
}
