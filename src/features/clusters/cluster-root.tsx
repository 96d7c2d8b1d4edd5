import { type ReactNode, useEffect } from 'react';
import { Router, useLocation } from 'wouter';
import { type ClusterLocation, type ConsoleCluster, clusterBase } from '../../api/console-clusters.ts';
import { ClusterChooser } from './cluster-chooser.tsx';
import { ClusterContext } from './cluster-context.ts';

/**
 * A navigation inside the page that lands on another cluster's path (`~/c/b/…` seen from `/c/a`, e.g. after the
 * unsaved-edits guard) loads that page afresh, so nothing cached for one cluster is ever shown under another's name.
 */
function ReloadOnClusterChange() {
  const [location] = useLocation();
  useEffect(() => {
    if (location.startsWith('~/')) window.location.replace(location.slice(1) + window.location.search);
  }, [location]);
  return null;
}

/**
 * Several clusters: the views run under `/c/NAME/` (wouter's base), so every in-app link and route stays as with
 * one cluster. Without a known cluster in the address the operator chooses; the console never guesses.
 */
export function ClusterRoot(props: {
  clusters: readonly ConsoleCluster[];
  place: ClusterLocation | null;
  children: ReactNode;
}) {
  const { clusters, place, children } = props;
  if (!place) return children;
  if (place.kind === 'choose') return <ClusterChooser clusters={clusters} {...place} />;
  return (
    <ClusterContext.Provider value={{ clusters, current: place.cluster }}>
      <Router base={clusterBase(place.cluster.name)}>
        <ReloadOnClusterChange />
        {children}
      </Router>
    </ClusterContext.Provider>
  );
}
