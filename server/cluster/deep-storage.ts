import { mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/**
 * Deep storage is a folder laid out like Druid's local deep storage: one index.zip per segment at its loadSpec path.
 * The files hold a small descriptor instead of column data; what matters is that kill really removes them.
 */
export function deepStorageDir(dataDir: string): string {
  return resolve(dataDir, 'deep-storage');
}

export function writeSegmentFile(path: string, segmentId: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ segmentId }));
}

/** Deletes a segment file, refusing any path outside deep storage (a loadSpec is data, not a command). */
export function deleteSegmentFile(root: string, path: string): void {
  const inside = relative(root, resolve(path));
  if (inside.startsWith('..') || inside === '') throw new Error(`Refusing to delete ${path}: outside deep storage`);
  rmSync(path, { force: true });
  // Remove the now-empty partition directory, as Druid's LocalDataSegmentKiller does.
  try {
    rmdirSync(dirname(path));
  } catch {
    // Not empty or already gone.
  }
}

/** The file of a `local` load spec; segments in S3 or HDFS (generated ones) have no file here to write or delete. */
export function loadSpecPath(payload: string): string | null {
  const parsed = JSON.parse(payload) as { loadSpec?: { type?: unknown; path?: unknown } };
  return parsed.loadSpec?.type === 'local' && typeof parsed.loadSpec.path === 'string' ? parsed.loadSpec.path : null;
}
