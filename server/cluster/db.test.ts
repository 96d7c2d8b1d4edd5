import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './db.ts';

const dirs: string[] = [];
const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'druid-console-db-'));
  dirs.push(dir);
  const store = openDatabase(dir);
  closers.push(store.close);
  return { store, file: join(dir, 'metadata.sqlite') };
}

describe('the metadata store', () => {
  it('creates new stores with 16 KB pages', () => {
    expect(open().store.db.pragma('page_size', { simple: true })).toBe(16384);
  });

  it('copies committed writes into the database file in the background, not inside the commit', async () => {
    const { store, file } = open();
    store.checkpointInBackground();
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(file).size;
    const insert = store.db.prepare(
      "INSERT INTO druid_rules (id, dataSource, version, payload) VALUES (?, 'ds', ?, ?)",
    );
    store.db.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run(`rule-${i}`, String(i), 'x'.repeat(10_000));
    })();
    // Only a checkpoint makes the database file itself grow; nothing but the checkpointer runs one now.
    await expect.poll(() => statSync(file).size, { timeout: 5000 }).toBeGreaterThan(before + 1_000_000);
  });

  it('stops its checkpointer quietly even when the directory goes right after closing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const dir = mkdtempSync(join(tmpdir(), 'druid-console-db-'));
      const store = openDatabase(dir);
      store.checkpointInBackground();
      store.close();
      rmSync(dir, { recursive: true, force: true });
      // Long enough for a checkpointer still starting up to reach its database, and for a tick to run.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
