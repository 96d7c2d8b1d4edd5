import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Copies the local cluster's WAL into its database file now. Its checkpointer does this in the background; a
 * measurement that starts right after a 200k-row write would otherwise share the disk with that copy.
 */
export function settleStore(dataDir: string): void {
  const db = new Database(join(dataDir, 'metadata.sqlite'));
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
}
