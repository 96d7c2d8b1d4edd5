import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { loadQueueQueryOptions } from '../../api/load-queue.ts';
import { druidKeys } from '../../api/query-keys.ts';
import { serversQueryOptions, tierSegmentCountQueryOptions } from '../../api/servers.ts';
import { formatBytes, formatCount } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { tierRows, usedShare } from './cluster-tiers-model.ts';

/** While a historical has work queued the page follows it closely; an idle cluster is looked at now and then. */
const BUSY_POLL_MS = 2_000;
const IDLE_POLL_MS = 10_000;

/** Tiers and their historicals: capacity, bytes held, segments served, load and drop queues. */
export function ClusterTiers() {
  const queues = useQuery({
    ...loadQueueQueryOptions(),
    refetchInterval: (query) =>
      Object.values(query.state.data ?? {}).some((q) => q.segmentsToLoad + q.segmentsToDrop > 0)
        ? BUSY_POLL_MS
        : IDLE_POLL_MS,
  });
  const busy = Object.values(queues.data ?? {}).some((q) => q.segmentsToLoad + q.segmentsToDrop > 0);
  const servers = useQuery({ ...serversQueryOptions(), refetchInterval: busy ? BUSY_POLL_MS : IDLE_POLL_MS });
  // The moment the queues empty, sizes and segment counts are read once more, so the final figures show at once.
  const queryClient = useQueryClient();
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy) void queryClient.invalidateQueries({ queryKey: druidKeys.servers() });
    wasBusy.current = busy;
  }, [busy, queryClient]);
  const tiers = tierRows(servers.data ?? [], queues.data);
  const counts = useQueries({
    queries: tiers.map((tier) => ({
      ...tierSegmentCountQueryOptions(tier.tier),
      refetchInterval: busy ? BUSY_POLL_MS : IDLE_POLL_MS,
    })),
  });
  const error = servers.error ?? queues.error;
  return (
    <section className="stack" aria-labelledby="tiers-heading">
      <h2 id="tiers-heading">Tiers and historicals</h2>
      {error && <QueryErrorAlert error={error} onRetry={() => Promise.all([servers.refetch(), queues.refetch()])} />}
      {servers.isPending && <p className="muted">Reading servers…</p>}
      {servers.data && tiers.length === 0 && <p className="muted">No historicals: nothing can load segments.</p>}
      {tiers.length > 0 && (
        <table className="cluster-tiers">
          <caption className="visually-hidden">Tiers and historicals</caption>
          <thead>
            <tr>
              <th scope="col">Tier / historical</th>
              <th scope="col">Used</th>
              <th scope="col">Capacity</th>
              <th scope="col">Full</th>
              <th scope="col">Segments</th>
              <th scope="col">To load</th>
              <th scope="col">To drop</th>
            </tr>
          </thead>
          {tiers.map((tier, i) => (
            <tbody key={tier.tier} aria-label={`Tier ${tier.tier}`}>
              <tr className="tier-row">
                <th scope="rowgroup">{tier.tier}</th>
                <td>{formatBytes(tier.currSize)}</td>
                <td>{formatBytes(tier.maxSize)}</td>
                <td>{usedShare(tier.currSize, tier.maxSize)}</td>
                <td>{counts[i]?.data === undefined ? '…' : formatCount(counts[i].data)}</td>
                <td>{formatCount(tier.toLoad)}</td>
                <td>{formatCount(tier.toDrop)}</td>
              </tr>
              {tier.historicals.map((server) => (
                <tr key={server.host}>
                  <th scope="row" className="historical-host">
                    {server.host}
                  </th>
                  <td>{formatBytes(server.currSize)}</td>
                  <td>{formatBytes(server.maxSize)}</td>
                  <td>{usedShare(server.currSize, server.maxSize)}</td>
                  <td />
                  <td>
                    {formatCount(server.toLoad)}
                    {server.toLoad > 0 && <span className="muted"> ({formatBytes(server.toLoadSize)})</span>}
                  </td>
                  <td>
                    {formatCount(server.toDrop)}
                    {server.toDrop > 0 && <span className="muted"> ({formatBytes(server.toDropSize)})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}
