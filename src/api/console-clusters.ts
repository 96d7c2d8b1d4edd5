import { z } from 'zod';
import { setClientTarget } from './client-target.ts';

/** A cluster as the console's server describes it: never its Router's address. */
export interface ConsoleCluster {
  name: string;
  label?: string;
  colour?: string;
}

const listSchema = z.object({
  clusters: z.array(z.object({ name: z.string(), label: z.string().optional(), colour: z.string().optional() })),
});

/** Screens of a named cluster live under `/c/NAME/…`; its Druid API under `/clusters/NAME/…`. */
export const CLUSTER_PATH_PREFIX = '/c/';

/**
 * The server's named clusters, or [] for the one-cluster setups (`--router`, `--local`, Vite's dev server, nginx
 * serving dist/), whose screens and Druid API keep their own paths.
 */
export async function fetchConsoleClusters(): Promise<ConsoleCluster[]> {
  try {
    // A server too slow to list them is treated as serving one cluster rather than keeping the page blank.
    const signal = AbortSignal.timeout(10_000);
    const response = await fetch('/console/clusters', { headers: { Accept: 'application/json' }, signal });
    if (!response.ok) return [];
    const parsed = listSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.clusters : [];
  } catch {
    return [];
  }
}

/** Where the address bar points among several clusters: a known cluster and the view's path inside it. */
export type ClusterLocation =
  | { kind: 'cluster'; cluster: ConsoleCluster; viewPath: string }
  /** No `/c/NAME/` (an old one-cluster link) or an unknown name: the operator picks, the console never guesses. */
  | { kind: 'choose'; viewPath: string; unknownName: string | null };

export function clusterLocation(pathname: string, clusters: readonly ConsoleCluster[]): ClusterLocation {
  if (!pathname.startsWith(CLUSTER_PATH_PREFIX)) return { kind: 'choose', viewPath: pathname, unknownName: null };
  const rest = pathname.slice(CLUSTER_PATH_PREFIX.length);
  const slash = rest.indexOf('/');
  const name = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
  const viewPath = slash < 0 ? '/' : rest.slice(slash);
  const cluster = clusters.find((candidate) => candidate.name === name);
  return cluster ? { kind: 'cluster', cluster, viewPath } : { kind: 'choose', viewPath, unknownName: name };
}

export function clusterBase(name: string): string {
  return `${CLUSTER_PATH_PREFIX}${encodeURIComponent(name)}`;
}

/** The same view of another cluster, query included: what the switcher and the chooser link to. */
export function clusterHref(name: string, viewPath: string, search = ''): string {
  return `${clusterBase(name)}${viewPath === '/' ? '' : viewPath}${search}`;
}

/** Sends every Druid request of this page to `/clusters/NAME/…`, with NAME's own credentials. */
export function targetCluster(name: string): void {
  setClientTarget({ baseUrl: `/clusters/${encodeURIComponent(name)}`, cluster: name });
}

/** A cluster labelled production (or prod) stands out in the header. */
export function isProduction(cluster: ConsoleCluster): boolean {
  return /\bprod(uction)?\b/i.test(cluster.label ?? '') || /^prod(uction)?$/i.test(cluster.name);
}
