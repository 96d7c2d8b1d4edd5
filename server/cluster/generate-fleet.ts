import type { ClusterContext } from './context.ts';
import { type ChunkInserter, withChunkInserter } from './generate-insert.ts';
import { GENERATED_NOW, layoutChunks } from './generate-layout.ts';
import { dataSourceProfile } from './generate-profile.ts';
import { between, seededRandom } from './generate-random.ts';
import { fleetRuleVersions } from './generate-rules.ts';
import { insertDataSourceChunks } from './generate-segments.ts';
import { saveRules } from './rules-store.ts';
import { bumpSegmentsGeneration, hasSegments } from './segment-store.ts';

const DAY = 86_400_000;
/** Datasources per transaction: one commit per datasource would cost more than their inserts. */
const DATASOURCES_PER_TRANSACTION = 100;
/** Five digits, so that names sort in creation order. */
export const MAX_FLEET_DATASOURCES = 99_999;

export interface FleetSummary {
  /** Datasources generated now (ones that already had segments are kept as they are). */
  dataSources: number;
  segments: number;
  withRules: number;
  allUnused: number;
}

/** `fleet_00001`, `fleet_00002`, … */
export function fleetName(index: number): string {
  return `fleet_${String(index).padStart(5, '0')}`;
}

/** Whether a fleet datasource was deleted (all its segments unused): about one in twenty. */
export function isAllUnusedFleetMember(name: string): boolean {
  return seededRandom(`fleet:${name}`)() < 0.05;
}

/**
 * `count` datasources of `segments` segments each, with the realism of generateSegments; about one in five has its
 * own rules (saved through the rules store, so the audit history has them, some in two versions) and about one in
 * twenty was deleted (all unused). Deterministic for a given count and segments; datasources that already have
 * segments (a restart) are left as they are.
 */
export function generateFleet(ctx: ClusterContext, count: number, segments: number): FleetSummary {
  if (!Number.isInteger(count) || count < 1 || count > MAX_FLEET_DATASOURCES)
    throw new Error(`A fleet has 1 to ${MAX_FLEET_DATASOURCES} datasources, got ${count}`);
  const summary: FleetSummary = { dataSources: 0, segments: 0, withRules: 0, allUnused: 0 };
  withChunkInserter(ctx.db, count * segments, (insert) => {
    for (let first = 1; first <= count; first += DATASOURCES_PER_TRANSACTION) {
      const last = Math.min(count, first + DATASOURCES_PER_TRANSACTION - 1);
      ctx.db.transaction(() => {
        for (let index = first; index <= last; index++)
          generateMember(ctx, insert, fleetName(index), segments, summary);
      })();
    }
  });
  bumpSegmentsGeneration(ctx.db);
  return summary;
}

function generateMember(
  ctx: ClusterContext,
  insert: ChunkInserter,
  name: string,
  segments: number,
  summary: FleetSummary,
): void {
  if (hasSegments(ctx.db, name)) return;
  const allUnused = isAllUnusedFleetMember(name);
  const random = seededRandom(`fleet-member:${name}`);
  // A deleted datasource stopped receiving data when it was deleted, up to half a year before "now".
  const now = allUnused ? GENERATED_NOW - between(random, DAY, 180 * DAY) : GENERATED_NOW;
  const profile = dataSourceProfile(name, segments, 'maybe');
  const chunks = layoutChunks(profile, segments, { seed: name, now, allUnused });
  summary.segments += insertDataSourceChunks(ctx, insert, name, profile, chunks);
  summary.dataSources++;
  if (allUnused) summary.allUnused++;
  const versions = fleetRuleVersions(name, chunks);
  for (const version of versions) saveRules(ctx.db, name, version.rules, version.auditInfo, version.at);
  if (versions.length > 0) summary.withRules++;
}
