import type { Server, ServerResponse } from 'node:http';

export interface ShutdownOptions {
  server: Server;
  /** How long requests in flight may take to finish before their connections are cut. */
  timeoutMs: number;
  /** First thing on a signal: readiness turns 503 so load balancers stop sending requests. */
  onDrain(): void;
  /** Once no request is in flight: close the local cluster, flush the access log. */
  cleanup(): Promise<void> | void;
  log(message: string): void;
  exit(code: number): void;
}

/**
 * Tracks the responses in flight so a stopping server can say how many it waits for, and close each keep-alive
 * connection as soon as its response is done (Node closes only the connections idle at `close()` time).
 */
function trackResponses(server: Server) {
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    if (stopping) response.setHeader('Connection', 'close');
    response.once('close', () => {
      inFlight.delete(response);
      if (stopping) server.closeIdleConnections();
    });
  });
  return {
    count: () => inFlight.size,
    stop: () => {
      stopping = true;
    },
  };
}

/**
 * Stops the server: no new connections, the requests in flight finish (proxied ones included) within the timeout,
 * then cleanup and exit 0; an error while cleaning up exits 1. Calling it again returns the same stop.
 */
export function createShutdown(options: ShutdownOptions): (reason: string) => Promise<void> {
  const { server, log, exit } = options;
  const responses = trackResponses(server);
  let stopping: Promise<void> | null = null;
  const stop = (reason: string): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      options.onDrain();
      responses.stop();
      const waiting = responses.count();
      log(
        `${reason}: stopping${waiting > 0 ? `, waiting up to ${options.timeoutMs / 1000} s for ${waiting} request(s) in flight` : ''}.`,
      );
      const cutOff = setTimeout(() => {
        log(`Closed ${responses.count()} connection(s) still busy after ${options.timeoutMs / 1000} s.`);
        server.closeAllConnections();
      }, options.timeoutMs);
      server.close(() => {
        clearTimeout(cutOff);
        resolve();
      });
      server.closeIdleConnections();
    }).then(async () => {
      try {
        await options.cleanup();
        log('Stopped.');
        exit(0);
      } catch (error) {
        log(`Stopping failed: ${String(error)}`);
        exit(1);
      }
    });
    return stopping;
  };
  return stop;
}

/** SIGTERM or SIGINT stops gracefully; a second one exits 1 at once, for an operator who will not wait. */
export function handleShutdownSignals(options: ShutdownOptions): void {
  const stop = createShutdown(options);
  let signalled = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (signalled) {
        options.log(`${signal} again: exiting without waiting.`);
        options.exit(1);
        return;
      }
      signalled = true;
      void stop(signal);
    });
  }
}
