import { formatBytes, formatCountOf } from '../../components/format.ts';
import type { EffectiveRetention } from '../../druid/effective-retention.ts';
import { segmentsText } from './retention-format.ts';

/** How many segments and bytes each outcome gets, and the load per tier counting replicas. */
export function RetentionCounts({ retention, total }: { retention: EffectiveRetention; total: number }) {
  const { totals, tiers } = retention;
  return (
    <table className="retention-counts">
      <caption>{`What the rules do to the ${segmentsText(total)} served now`}</caption>
      <thead>
        <tr>
          <th scope="col">Outcome</th>
          <th scope="col">Segments</th>
          <th scope="col">Size</th>
        </tr>
      </thead>
      <tbody>
        <tr className="outcome-load">
          <th scope="row">Loaded</th>
          <td>{segmentsText(totals.load.count)}</td>
          <td>{formatBytes(totals.load.bytes)}</td>
        </tr>
        {Object.entries(tiers)
          .filter(([, tierTotals]) => tierTotals.replicas > 0)
          .map(([tier, tierTotals]) => (
            <tr key={tier} className="tier-row-total">
              <th scope="row">
                <span className="tier-indent">on tier {tier}</span>
                <span className="muted"> · {formatCountOf(tierTotals.replicas, 'replica')}</span>
              </th>
              <td>{segmentsText(tierTotals.segments)}</td>
              <td>{formatBytes(tierTotals.bytes)} with replicas</td>
            </tr>
          ))}
        <tr className="outcome-drop">
          <th scope="row">Dropped (Druid marks them unused)</th>
          <td>{segmentsText(totals.drop.count)}</td>
          <td>{formatBytes(totals.drop.bytes)}</td>
        </tr>
        <tr className="outcome-broadcast">
          <th scope="row">Broadcast to every server</th>
          <td>{segmentsText(totals.broadcast.count)}</td>
          <td>{formatBytes(totals.broadcast.bytes)}</td>
        </tr>
        {totals.none.count > 0 && (
          <tr className="outcome-none">
            <th scope="row">No matching rule (left as they are)</th>
            <td>{segmentsText(totals.none.count)}</td>
            <td>{formatBytes(totals.none.bytes)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
