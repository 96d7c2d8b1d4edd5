import type { ConsoleCluster } from '../../api/console-clusters.ts';

/** A cluster's colour swatch, name and label, as every cluster control shows it. */
export function ClusterName({ cluster }: { cluster: ConsoleCluster }) {
  return (
    <span className="cluster-name">
      <span className="cluster-swatch" style={{ background: cluster.colour ?? 'transparent' }} aria-hidden="true" />
      <span>{cluster.name}</span>
      {cluster.label && <span className="cluster-label">{cluster.label}</span>}
    </span>
  );
}
