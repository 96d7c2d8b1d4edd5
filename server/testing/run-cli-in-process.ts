import { vi } from 'vitest';
import { runCli } from '../cli.ts';

class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Runs the command line in this process; `process.exit` is stubbed to throw its code, output is collected. */
export async function runCliInProcess(
  argv: string[],
  distDir: string,
): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts) => void err.push(parts.join(' ')));
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new ExitCalled(Number(code));
  });
  let code: number | undefined;
  try {
    await runCli({ argv, env: {}, version: '9.9.9', distDir });
  } catch (error) {
    if (!(error instanceof ExitCalled)) throw error;
    code = error.code;
  } finally {
    vi.restoreAllMocks();
  }
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
