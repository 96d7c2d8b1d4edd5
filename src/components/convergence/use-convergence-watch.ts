import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchLoadQueues } from '../../api/load-queue.ts';
import { fetchLoadStatus } from '../../api/load-status.ts';
import { druidKeys } from '../../api/query-keys.ts';
import { fetchServers } from '../../api/servers.ts';
import { localClusterInfoQueryOptions } from '../../api/status.ts';
import { observationFrom } from './convergence-model.ts';
import { recordObservation, useTrackedChanges } from './convergence-store.ts';

const POLL_MS = 2_000;
/** Druid's default druid.coordinator.period is PT60S: two periods without any move means there was nothing to do. */
const DRUID_SETTLE_MS = 120_000;

/**
 * Polls loadstatus and the load queue for every change still converging (mounted once, in the header), and stops
 * polling a change once it is applied. A local cluster whose duty runs only on demand never settles by time.
 */
export function useConvergenceWatch(): void {
  const changes = useTrackedChanges();
  const local = useQuery(localClusterInfoQueryOptions());
  const period = local.data?.coordinatorPeriodMs;
  const settleMs = period === undefined ? DRUID_SETTLE_MS : period > 0 ? 2 * period : Number.POSITIVE_INFINITY;
  const active = changes.filter((change) => change.finishedAt === null);
  const results = useQueries({
    queries: active.map((change) => ({
      queryKey: druidKeys.convergence(change.dataSource, change.savedAt),
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const [status, queues, servers] = await Promise.all([
          fetchLoadStatus(change.dataSource, signal),
          fetchLoadQueues(signal),
          fetchServers(signal),
        ]);
        return observationFrom(Date.now(), status, queues, servers);
      },
      refetchInterval: POLL_MS,
      refetchIntervalInBackground: true,
      staleTime: 0,
      gcTime: 0,
    })),
  });
  const latest = results.map((result) => result.data);
  useEffect(() => {
    latest.forEach((observation, i) => {
      const change = active[i];
      if (observation && change && change.latest?.at !== observation.at) {
        recordObservation(change.id, observation, settleMs);
      }
    });
  });
}
