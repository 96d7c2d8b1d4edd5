/** What a load balancer learns about one cluster: never its Router's address, which stays internal. */
export interface ClusterReadiness {
  name: string;
  ready: boolean;
  /** The HTTP status of the cluster's `/status/health`, when it answered. */
  status?: number;
  error?: string;
  latencyMs: number;
}

export interface Readiness {
  ready: boolean;
  /** True once the server is stopping: it finishes what is in flight but should get no new requests. */
  draining: boolean;
  clusters: ClusterReadiness[];
}

/** One cluster as readiness sees it: a name and a way to ask its `/status/health`. */
export interface ReadinessTarget {
  name: string;
  /** Asks the cluster's `/status/health`; a Router's is asked with the readiness timeout as its proxy timeout. */
  health(): Promise<Response>;
}

export interface ReadinessCheck {
  check(): Promise<Readiness>;
  /** From now on every check answers "not ready" so load balancers stop sending requests. */
  drain(): void;
}

async function probe(target: ReadinessTarget, timeoutMs: number): Promise<ClusterReadiness> {
  const started = Date.now();
  const latency = () => Date.now() - started;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), timeoutMs);
  });
  try {
    const response = await Promise.race([target.health(), timeout]);
    await response.body?.cancel();
    const ready = response.ok;
    return ready
      ? { name: target.name, ready, status: response.status, latencyMs: latency() }
      : { name: target.name, ready, status: response.status, error: `HTTP ${response.status}`, latencyMs: latency() };
  } catch (error) {
    const message = error instanceof TimeoutError ? `no answer within ${timeoutMs / 1000} s` : String(error);
    return { name: target.name, ready: false, error: message, latencyMs: latency() };
  } finally {
    clearTimeout(timer);
  }
}

class TimeoutError extends Error {}

/**
 * Checks every cluster's health in parallel. Checks that overlap share one round of requests, so a fleet of load
 * balancers probing every second asks each Router at most once at a time.
 */
export function createReadinessCheck(targets: ReadinessTarget[], timeoutMs: number): ReadinessCheck {
  let draining = false;
  let inFlight: Promise<ClusterReadiness[]> | null = null;
  return {
    drain: () => {
      draining = true;
    },
    check: async () => {
      inFlight ??= Promise.all(targets.map((target) => probe(target, timeoutMs))).finally(() => {
        inFlight = null;
      });
      const clusters = await inFlight;
      return { ready: !draining && clusters.every((cluster) => cluster.ready), draining, clusters };
    },
  };
}

export function readinessResponse(readiness: Readiness): Response {
  return new Response(JSON.stringify(readiness), {
    status: readiness.ready ? 200 : 503,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
