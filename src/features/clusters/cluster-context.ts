import { createContext, useContext } from 'react';
import type { ConsoleCluster } from '../../api/console-clusters.ts';

export interface ClusterContextValue {
  clusters: readonly ConsoleCluster[];
  current: ConsoleCluster;
}

/** Set only when the console serves several clusters; the one-cluster console shows no cluster at all. */
export const ClusterContext = createContext<ClusterContextValue | null>(null);

export function useClusterContext(): ClusterContextValue | null {
  return useContext(ClusterContext);
}
