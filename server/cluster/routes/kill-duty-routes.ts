import type { Hono } from 'hono';
import type { KillDuties } from '../kill-duties.ts';
import { jsonResponse } from './http.ts';

/**
 * Local-only controls (never forwarded to a real Router), like `/local-cluster/coordinator/run`: one run of the
 * Coordinator's KillUnusedSegments duty as the indexing duty group runs it (kill.on and kill.period still apply),
 * and one run of the Overlord's embedded kill. Tests wait for their answers instead of for a clock.
 */
export function registerKillDutyRoutes(app: Hono, duties: KillDuties): void {
  app.post('/local-cluster/coordinator/kill-unused-segments', async () =>
    jsonResponse(200, await duties.runAutoKill()),
  );
  app.post('/local-cluster/overlord/kill-unused-segments', async () =>
    jsonResponse(200, await duties.runEmbeddedKill()),
  );
}
