import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

export interface InstalledPackage {
  /** The temporary folder holding the tarball and the prefix. */
  work: string;
  tarball: string;
  /** The installed package's folder, `PREFIX/node_modules/druid-data-console`. */
  packageDir: string;
  /** The installed `bin`, run as an operator runs it (its shebang: plain Node, no tsx). */
  command: string[];
  remove(): void;
}

const versionOf = (dir: string): string =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * better-sqlite3 compiles SQLite from source when no prebuilt binary can be downloaded (3.5 min here, offline), so
 * the install skips install scripts and the repository's build of the same version is copied in. Everything else
 * comes from the tarball and the registry.
 */
function copySqliteAddon(prefix: string): void {
  const repoAddon = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  const installed = join(prefix, 'node_modules', 'better-sqlite3');
  const repoVersion = versionOf(join(dirname(repoAddon), '..', '..'));
  if (versionOf(installed) !== repoVersion)
    throw new Error(`Installed better-sqlite3 ${versionOf(installed)}, the repository has ${repoVersion}`);
  mkdirSync(join(installed, 'build', 'Release'), { recursive: true });
  copyFileSync(repoAddon, join(installed, 'build', 'Release', 'better_sqlite3.node'));
}

/**
 * The package as an operator gets it: `npm pack` (its prepack builds what is stale), installed into an empty prefix
 * from the npm cache or registry. About 30–50 s on a loaded 2-core machine: the console build when dist/ is stale
 * (~10–25 s), the server's compile and the install (~12 s) dominate. Asynchronous, so callers can start other
 * processes meanwhile.
 */
export async function packAndInstall(): Promise<InstalledPackage> {
  const work = mkdtempSync(join(tmpdir(), 'druid-console-package-'));
  const remove = () => rmSync(work, { recursive: true, force: true });
  try {
    // The tarball is found by name rather than read from `--json`, which the prepack's output could interleave.
    await run('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const name = readdirSync(work).find((file) => file.endsWith('.tgz'));
    if (!name) throw new Error(`npm pack wrote no tarball into ${work}`);
    const tarball = join(work, name);
    const prefix = join(work, 'prefix');
    await run(
      'npm',
      ['install', '--prefix', prefix, tarball, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: work, maxBuffer: 64 * 1024 * 1024 },
    );
    copySqliteAddon(prefix);
    return {
      work,
      tarball,
      packageDir: join(prefix, 'node_modules', 'druid-data-console'),
      command: [join(prefix, 'node_modules', '.bin', 'druid-data-console')],
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}
