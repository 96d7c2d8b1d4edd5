import { formatBytes, formatCountOf } from '../../components/format.ts';
import { hasRetentionChange, type RetentionChange } from './retention-change.ts';
import { segmentsAndBytes } from './retention-format.ts';

/** "Saving this will drop 120 segments (3.2 GB)…": the effect on existing segments, in sentences. */
export function retentionChangeSentences(change: RetentionChange): string[] {
  const sentences: string[] = [];
  const { newlyDropped, noLongerDropped, newlyBroadcast, noLongerBroadcast } = change;
  if (newlyDropped.count)
    sentences.push(
      `Saving this will drop ${segmentsAndBytes(newlyDropped.count, newlyDropped.bytes)}: Druid marks them unused.`,
    );
  if (noLongerDropped.count)
    sentences.push(`${segmentsAndBytes(noLongerDropped.count, noLongerDropped.bytes)} will no longer be dropped.`);
  if (newlyBroadcast.count)
    sentences.push(`${segmentsAndBytes(newlyBroadcast.count, newlyBroadcast.bytes)} will be broadcast.`);
  if (noLongerBroadcast.count)
    sentences.push(
      `${segmentsAndBytes(noLongerBroadcast.count, noLongerBroadcast.bytes)} will no longer be broadcast.`,
    );
  for (const [tier, delta] of Object.entries(change.tiers)) {
    const more = delta.replicas > 0;
    sentences.push(
      `Tier ${tier}: ${more ? '+' : '−'}${formatCountOf(Math.abs(delta.replicas), 'replica')} (${more ? '+' : '−'}${formatBytes(Math.abs(delta.bytes))}).`,
    );
  }
  return sentences;
}

export function RetentionChangeSummary({ change, dirty }: { change: RetentionChange; dirty: boolean }) {
  if (!dirty) return <p className="muted">No unsaved edits.</p>;
  if (!hasRetentionChange(change))
    return <p className="muted">Saving this changes nothing for the segments served now.</p>;
  const sentences = retentionChangeSentences(change);
  return (
    <ul className={`retention-change${change.newlyDropped.count ? ' alert warning' : ''}`}>
      {sentences.map((sentence) => (
        <li key={sentence}>{sentence}</li>
      ))}
    </ul>
  );
}
