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
}

let target: ClientTarget = { baseUrl: '', authorization: null };

export function setClientTarget(next: Partial<ClientTarget>): void {
  target = { ...target, ...next, baseUrl: (next.baseUrl ?? target.baseUrl).replace(/\/+$/, '') };
}

export function clientTarget(): ClientTarget {
  return target;
}
