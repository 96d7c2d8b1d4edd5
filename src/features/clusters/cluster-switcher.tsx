import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { clusterHref, isProduction } from '../../api/console-clusters.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useClusterContext } from './cluster-context.ts';
import { ClusterName } from './cluster-name.tsx';
import './clusters.css';

/**
 * The header's "which cluster": its name, colour and label, and the same view on another cluster. Switching loads
 * the other cluster's page afresh: its own query cache, credentials and drafts, nothing of this one.
 */
export function ClusterSwitcher() {
  const context = useClusterContext();
  const [viewPath] = useLocation();
  const search = useSearch();
  const [open, setOpen] = useState(false);
  if (!context) return null;
  const { clusters, current } = context;
  return (
    <>
      <button
        type="button"
        className={`cluster-switcher${isProduction(current) ? ' production' : ''}`}
        aria-label={`Cluster ${current.name}${current.label ? ` (${current.label})` : ''}: switch cluster`}
        onClick={() => setOpen(true)}
      >
        <ClusterName cluster={current} />
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Switch cluster" size="small">
        <p className="muted">The same view on another cluster.</p>
        <ul className="cluster-list">
          {clusters.map((cluster) => (
            <li key={cluster.name}>
              {cluster.name === current.name ? (
                <span aria-current="page">
                  <ClusterName cluster={cluster} /> <span className="muted">(this one)</span>
                </span>
              ) : (
                <a href={clusterHref(cluster.name, viewPath, search ? `?${search}` : '')}>
                  <ClusterName cluster={cluster} />
                </a>
              )}
            </li>
          ))}
        </ul>
        <p>
          <Link href="/compare-clusters" onClick={() => setOpen(false)}>
            Compare rules and copy them to {current.name}
          </Link>
        </p>
      </Dialog>
    </>
  );
}

/** Across the top of every screen of a production cluster: no one edits production thinking it is staging. */
export function ClusterBand() {
  const context = useClusterContext();
  if (!context || !isProduction(context.current)) return null;
  const { current } = context;
  return <p className="cluster-band">{`${current.label ?? 'production'} · ${current.name}`}</p>;
}
