import type Database from 'better-sqlite3';
import { z } from 'zod';
import { tryParseInterval } from '../../../src/druid/interval.ts';
import { formatSegmentId } from '../../../src/druid/segment-id.ts';
import type { NewSegment } from '../segment-records.ts';

const publishedSchema = z.array(
  z.object({
    dataSource: z
      .string()
      .min(1)
      .refine((name) => !name.includes('/'), 'dataSource must not contain "/"'),
    interval: z.string(),
    version: z.string().min(1),
    partitionNum: z.number().int().min(0).optional(),
    partitions: z.number().int().min(1).optional(),
    size: z.number().int().min(0).default(1_000_000),
    used: z.boolean().default(true),
  }),
);

/** Validates the body of POST /local-cluster/segments: segments as an ingestion task would publish them. */
export function parsePublishedSegments(
  body: unknown,
): { ok: true; segments: NewSegment[] } | { ok: false; error: string } {
  const parsed = publishedSchema.safeParse(body);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const segments: NewSegment[] = [];
  for (const item of parsed.data) {
    const interval = tryParseInterval(item.interval, { allowEmpty: false });
    if (!interval.ok) return { ok: false, error: interval.error };
    segments.push({ ...item, start: interval.interval.start, end: interval.interval.end });
  }
  return { ok: true, segments };
}

/** The first segment ID that exists already (or twice in the batch): publishing it would break the primary key. */
export function firstDuplicateId(db: Database.Database, segments: NewSegment[]): string | null {
  const exists = db.prepare('SELECT 1 FROM druid_segments WHERE id = ?');
  const seen = new Set<string>();
  for (const segment of segments) {
    const id = formatSegmentId({ ...segment, partitionNum: segment.partitionNum ?? 0 });
    if (seen.has(id) || exists.get(id)) return id;
    seen.add(id);
  }
  return null;
}
