import { addPeriod } from '../../src/druid/period.ts';
import { type AutoKillReport, runAutoKill } from './auto-kill-duty.ts';
import { type ClusterContext, runtimeOf } from './context.ts';
import { type EmbeddedKillReport, runEmbeddedKill } from './embedded-kill-duty.ts';
import type { TaskRunner } from './tasks.ts';

/**
 * The two automatic kills on their timers (the Coordinator's every indexing period, the Overlord's every duty
 * period) and on demand for tests (`/local-cluster/…`), each serialized so two runs never overlap.
 */
export interface KillDuties {
  runAutoKill(): Promise<AutoKillReport>;
  runEmbeddedKill(): Promise<EmbeddedKillReport>;
  stop(): void;
}

function serialized<T>(run: () => Promise<T>): () => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const next = last.catch(() => null).then(run);
    last = next;
    return next;
  };
}

export function startKillDuties(ctx: ClusterContext, tasks: TaskRunner, onError: (error: unknown) => void): KillDuties {
  const runtime = runtimeOf(ctx.config);
  const duties = {
    runAutoKill: serialized(() => runAutoKill(ctx, tasks)),
    runEmbeddedKill: serialized(() => runEmbeddedKill(ctx)),
  };
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, run: () => Promise<unknown>) => {
    const timer = setInterval(() => run().catch(onError), Math.max(ms, 10));
    timer.unref();
    timers.push(timer);
  };
  if (runtime.kill.on) every(runtime.indexingPeriodMs, duties.runAutoKill);
  if (runtime.embeddedKill.enabled) every(addPeriod(0, runtime.embeddedKill.dutyPeriod), duties.runEmbeddedKill);
  return { ...duties, stop: () => timers.forEach(clearInterval) };
}
