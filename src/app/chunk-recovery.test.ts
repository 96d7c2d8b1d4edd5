import { describe, expect, it, vi } from 'vitest';
import { ChunkLoadError, type ChunkRecoveryEnvironment, loadChunk, RELOADED_FOR_KEY } from './chunk-recovery.ts';

/** A browser whose server answers with `deployed` (or not at all) and whose page runs build "a". */
function environment(deployed: string | Error = 'a', stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const env = {
    runningBuild: () => 'a',
    deployedBuild: vi.fn(async () => {
      if (deployed instanceof Error) throw deployed;
      return deployed;
    }),
    refetchFailedStylesheets: vi.fn(async () => undefined),
    storage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
    },
    reload: vi.fn(),
  } satisfies ChunkRecoveryEnvironment;
  return { env, storage };
}

/** A chunk that fails `failures` times, then loads. */
function chunk(failures: number) {
  let calls = 0;
  return vi.fn(async () => {
    if (++calls <= failures) throw new TypeError('Failed to fetch dynamically imported module: /assets/x.js');
    return 'page';
  });
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof ChunkLoadError ? error.failure : error),
  );

describe('loadChunk', () => {
  it('loads without asking the server when the chunk arrives', async () => {
    const { env } = environment();
    await expect(loadChunk(chunk(0), env)).resolves.toBe('page');
    expect(env.deployedBuild).not.toHaveBeenCalled();
  });

  it('says the server could not be reached when its index does not answer either, and loads on the next call', async () => {
    const { env } = environment(new TypeError('Failed to fetch'));
    const load = chunk(1);
    const error = await loadChunk(load, env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect((error as Error).message).toBe('Could not reach the console server');
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(env.reload).not.toHaveBeenCalled();
    await expect(loadChunk(load, env)).resolves.toBe('page');
  });

  it('tries once more when the server answers with the same build', async () => {
    const { env } = environment('a');
    const load = chunk(1);
    await expect(loadChunk(load, env)).resolves.toBe('page');
    expect(load).toHaveBeenCalledTimes(2);
    expect(env.refetchFailedStylesheets).toHaveBeenCalledTimes(2);
  });

  it('gives up after the second try with the same build', async () => {
    const { env } = environment('a');
    expect(await failureOf(loadChunk(chunk(2), env))).toBe('unavailable');
  });

  it('counts a stylesheet that fails again as a failed load', async () => {
    const { env } = environment(new TypeError('Failed to fetch'));
    env.refetchFailedStylesheets.mockRejectedValueOnce(new Error('Unable to load the stylesheet'));
    const load = chunk(0);
    expect(await failureOf(loadChunk(load, env))).toBe('unreachable');
    expect(load).not.toHaveBeenCalled();
  });

  it('reloads the page once when a deploy renamed the chunks, and stays on the page while it reloads', async () => {
    const { env, storage } = environment('b');
    let settled = false;
    void loadChunk(chunk(1), env).finally(() => (settled = true));
    await vi.waitFor(() => expect(env.reload).toHaveBeenCalledTimes(1));
    expect(storage.get(RELOADED_FOR_KEY)).toBe('b');
    await Promise.resolve();
    expect(settled).toBe(false);
  });

  it('does not reload twice for the same build: it says the console was updated instead', async () => {
    const { env } = environment('b', { [RELOADED_FOR_KEY]: 'b' });
    expect(await failureOf(loadChunk(chunk(1), env))).toBe('updated');
    expect(env.reload).not.toHaveBeenCalled();
  });

  it('reloads again for a later deploy', async () => {
    const { env } = environment('c', { [RELOADED_FOR_KEY]: 'b' });
    void loadChunk(chunk(1), env);
    await vi.waitFor(() => expect(env.reload).toHaveBeenCalledTimes(1));
  });

  it('does not reload when it cannot remember having reloaded', async () => {
    const { env } = environment('b');
    env.storage.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    expect(await failureOf(loadChunk(chunk(1), env))).toBe('updated');
    expect(env.reload).not.toHaveBeenCalled();
  });
});
