import { AGE_BUCKETS, type AgeHistogram } from './age-buckets.ts';

/** Five bars, one per age bucket; the whole figure is described in words for screen readers. */
export function AgeHistogramBars({ histogram }: { histogram: AgeHistogram }) {
  const max = Math.max(1, ...histogram.counts);
  const words = AGE_BUCKETS.map((bucket, index) => `${histogram.counts[index] ?? 0} unused ${bucket.label} ago`);
  if (histogram.unknown > 0) words.push(`${histogram.unknown} without a date`);
  const label = `Became unused: ${words.join(', ')}`;
  return (
    <span className="age-histogram" role="img" aria-label={label} title={label}>
      {histogram.counts.map((count, index) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: the buckets are fixed
          key={index}
          className="age-bar"
          style={{ height: `${count === 0 ? 0 : Math.max(12, (count / max) * 100)}%` }}
        />
      ))}
    </span>
  );
}
