import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AccessLogOpenError, openAccessLog } from './access-log-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'druid-console-access-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the access log file', () => {
  it('appends to what is there, and after a rotation writes to a new file at the same path', async () => {
    const path = join(dir, 'access.log');
    const first = openAccessLog(path);
    first.write('one');
    await first.close();
    const log = openAccessLog(path);
    log.write('two');
    renameSync(path, `${path}.1`);
    expect(log.reopen()).toBeNull();
    log.write('three');
    await log.close();
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('one\ntwo\n');
    expect(readFileSync(path, 'utf8')).toBe('three\n');
  });

  it('keeps writing to the old file when the path cannot be opened again', async () => {
    const sub = mkdtempSync(join(dir, 'sub-'));
    const path = join(sub, 'access.log');
    const log = openAccessLog(path);
    renameSync(sub, `${sub}-moved`);
    expect(log.reopen()?.message).toMatch(/^--access-log .*access\.log: ENOENT/);
    log.write('kept');
    await log.close();
    expect(readFileSync(join(`${sub}-moved`, 'access.log'), 'utf8')).toBe('kept\n');
  });

  it('refuses a path it cannot open, naming the flag', () => {
    expect(() => openAccessLog(join(dir, 'missing', 'a.log'))).toThrow(AccessLogOpenError);
  });
});
