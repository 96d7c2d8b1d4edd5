import { formatCount } from '../../components/format.ts';
import type { FleetRunReport } from './fleet-run.ts';

/** Names beyond this many are counted, not listed: a run may cover 10,000 datasources. */
const LISTED = 20;

/** The exact summary of a run: every line with its count, its names and, for failures, Druid's message. */
export function FleetRunSummary({ report }: { report: FleetRunReport }) {
  return (
    <div className="stack">
      <p className={`alert ${report.tone === 'success' ? 'info' : report.tone}`} role="status">
        {report.title}
      </p>
      <ul className="plain-list stack fleet-summary" aria-label="Summary">
        {report.lines.map((line) => (
          <li key={line.label}>
            <strong>
              {line.label}: {formatCount(line.names.length)}
            </strong>
            {line.names.length > 0 && (
              <ul className="fleet-summary-names">
                {line.names.slice(0, LISTED).map((name) => (
                  <li key={name}>
                    {name}
                    {line.errors?.[name] && <span className="field-error"> — {line.errors[name]}</span>}
                  </li>
                ))}
                {line.names.length > LISTED && (
                  <li className="muted">and {formatCount(line.names.length - LISTED)} more</li>
                )}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
