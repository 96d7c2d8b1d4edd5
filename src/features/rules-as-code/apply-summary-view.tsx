import type { ApplySummary } from '../../api/rules-import-apply.ts';

const RESULT_TEXT = { saved: 'saved', 'not-sent': 'not sent (not selected)' } as const;

/** What the apply did, datasource by datasource: saved, failed with Druid's message, not sent. */
export function ApplySummaryView({ summary }: { summary: ApplySummary }) {
  const listed = summary.outcomes.filter((outcome) => outcome.result !== 'unchanged');
  return (
    <section className="card stack" aria-labelledby="rules-code-result">
      <h2 id="rules-code-result">Import result</h2>
      <p role="status" className={summary.failed > 0 ? 'alert error' : undefined}>
        {summary.saved} saved, {summary.unchanged} unchanged (not sent), {summary.failed} failed, {summary.notSent} not
        sent.
      </p>
      <ul aria-label="Result per datasource">
        {listed.map((outcome) => (
          <li key={outcome.name}>
            <strong>{outcome.name}</strong>:{' '}
            {outcome.result === 'failed' ? (
              <span className="field-error">failed: {outcome.message}</span>
            ) : (
              RESULT_TEXT[outcome.result]
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
