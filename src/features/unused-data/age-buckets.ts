/** Unused segments by how long ago they became unused (`usedStatusLastUpdatedDate`), for the small histogram. */
const DAY = 86_400_000;

export const AGE_BUCKETS = [
  { label: '< 1 day', upTo: DAY },
  { label: '1–7 days', upTo: 7 * DAY },
  { label: '7–30 days', upTo: 30 * DAY },
  { label: '30–90 days', upTo: 90 * DAY },
  { label: '> 90 days', upTo: Number.POSITIVE_INFINITY },
] as const;

export interface AgeHistogram {
  /** Counts per AGE_BUCKETS entry. */
  counts: number[];
  /** Segments Druid gave no date for (older releases). */
  unknown: number;
}

export function ageHistogram(lastUpdated: ReadonlyArray<number | null>, now: number): AgeHistogram {
  const counts = AGE_BUCKETS.map(() => 0);
  let unknown = 0;
  for (const at of lastUpdated) {
    if (at === null) {
      unknown++;
      continue;
    }
    const age = Math.max(0, now - at);
    const index = AGE_BUCKETS.findIndex((bucket) => age < bucket.upTo);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return { counts, unknown };
}
