/**
 * Where requests go and how they authenticate outside the browser. The console sends every request to its own
 * origin with the signed-in user's credentials; the terminal command (scripts/rules-cli.ts) sets the Router's URL
 * and an Authorization header from its environment instead, and reuses the same client.
 */
export interface ClientTarget {
  /** Prefixed to every path, e.g. `http://router:8888`; '' in the browser (same origin). */
  baseUrl: string;
  /** Sent as the Authorization header (`Basic …` or `Bearer …`) when set; overrides browser credentials. */
  authorization: string | null;
  /**
   * The named cluster the page acts on (`/c/NAME/…` in a console serving several), or null for the one cluster.
   * Keys what the browser keeps per cluster: credentials, rule drafts.
   */
  cluster: string | null;
}

let target: ClientTarget = { baseUrl: '', authorization: null, cluster: null };

export function setClientTarget(next: Partial<ClientTarget>): void {
  target = { ...target, ...next, baseUrl: (next.baseUrl ?? target.baseUrl).replace(/\/+$/, '') };
}

export function clientTarget(): ClientTarget {
  return target;
}
