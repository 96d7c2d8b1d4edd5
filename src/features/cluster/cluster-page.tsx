import { useQuery } from '@tanstack/react-query';
import { localClusterInfoQueryOptions, statusQueryOptions } from '../../api/status.ts';
import { formatBytes } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { ClusterTiers } from './cluster-tiers.tsx';
import './cluster-page.css';

export function ClusterPage() {
  const status = useQuery(statusQueryOptions());
  const local = useQuery(localClusterInfoQueryOptions());
  return (
    <section className="stack">
      <h1>Cluster</h1>
      {status.isError && <QueryErrorAlert error={status.error} onRetry={() => status.refetch()} />}
      {status.isPending && <p className="muted">Reading /status…</p>}
      {status.data && (
        <dl className="card key-values">
          <dt>Druid version</dt>
          <dd data-testid="druid-version">{status.data.version}</dd>
          <dt>Connected to</dt>
          <dd>
            {local.data ? `Local cluster (data in ${local.data.dataDir ?? 'its data directory'})` : 'Druid Router'}
          </dd>
          {status.data.memory && (
            <>
              <dt>Memory used</dt>
              <dd>
                {formatBytes(status.data.memory.usedMemory)} of {formatBytes(status.data.memory.maxMemory)} max
              </dd>
            </>
          )}
          {status.data.modules && (
            <>
              <dt>Extensions</dt>
              <dd>
                {status.data.modules.length === 0
                  ? 'none'
                  : status.data.modules.map((m) => m.name ?? m.artifact).join(', ')}
              </dd>
            </>
          )}
        </dl>
      )}
      <ClusterTiers />
    </section>
  );
}
