/** Why a view's chunk could not be loaded, as the error screen explains it. */
export type ChunkFailure = 'unreachable' | 'updated' | 'unavailable';

const TITLES: Record<ChunkFailure, string> = {
  unreachable: 'Could not reach the console server',
  updated: 'The console was updated',
  unavailable: 'This view could not be loaded',
};

/** A view's script or stylesheet that did not load, with what the console found out about why. */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
  constructor(
    readonly failure: ChunkFailure,
    cause: unknown,
  ) {
    super(TITLES[failure], { cause });
  }
}

export function isChunkLoadError(error: unknown): error is ChunkLoadError {
  return error instanceof ChunkLoadError;
}

/** What recovering needs from the browser; tests pass their own. */
export interface ChunkRecoveryEnvironment {
  /** The entry script of the running console: its name changes with every build. */
  runningBuild(): string | null;
  /** The entry script the console server's index names now; rejects when the server cannot be reached. */
  deployedBuild(): Promise<string | null>;
  /**
   * Fetches again the stylesheets that failed, and rejects if one fails again. Vite's preload never asks twice for
   * a CSS file, so without this a retry would render the view unstyled.
   */
  refetchFailedStylesheets(): Promise<void>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  reload(): void;
}

/** The build a reload was last tried for (sessionStorage): a second failure with it shows the error instead. */
export const RELOADED_FOR_KEY = 'druid-console.reloaded-for-build';

/**
 * Loads a view's chunk. When that fails, asks the console server for its index: no answer means the server is down
 * (say so, and let "Try again" or the next navigation load again); another entry script means a deploy replaced the
 * chunks (reload once, as the old names are gone for good); the same build means this one request failed (try once
 * more). React.lazy and the browser keep a failure, so the caller must call this again on retry.
 */
export async function loadChunk<T>(load: () => Promise<T>, env: ChunkRecoveryEnvironment): Promise<T> {
  const attempt = async () => {
    await env.refetchFailedStylesheets();
    return load();
  };
  try {
    return await attempt();
  } catch (error) {
    let deployed: string | null;
    try {
      deployed = await env.deployedBuild();
    } catch {
      throw new ChunkLoadError('unreachable', error);
    }
    if (deployed !== env.runningBuild()) {
      if (reloadOnce(deployed ?? '', env)) return new Promise<never>(() => undefined); // the page is going away
      throw new ChunkLoadError('updated', error);
    }
    try {
      return await attempt();
    } catch (again) {
      throw new ChunkLoadError('unavailable', again);
    }
  }
}

function reloadOnce(build: string, env: ChunkRecoveryEnvironment): boolean {
  try {
    if (env.storage.getItem(RELOADED_FOR_KEY) === build) return false;
    env.storage.setItem(RELOADED_FOR_KEY, build);
  } catch {
    return false; // without storage a reload could loop
  }
  env.reload();
  return true;
}
