import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import type { AsOfRow } from '../../api/rules-as-of.ts';
import { rulesAsOfQueryOptions } from '../../api/rules-as-of-fetch.ts';
import { HANDED_OVER_PLAN_HREF, handOverRulesFile } from '../../api/rules-plan-handover.ts';
import { downloadFile } from '../../components/download-file.ts';
import { formatCountOf } from '../../components/format.ts';
import { formatIso } from '../../components/format-time.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { toast } from '../../components/toast.ts';
import { AsOfRowCard } from './as-of-row.tsx';
import { readAsOfTime } from './as-of-time.ts';
import { AsOfTimeForm } from './as-of-time-form.tsx';
import { formatUtcMinutes } from './format-time.ts';
import { HistoryTabs } from './history-tabs.tsx';
import './rules-as-of.css';

/** Druid's default audit retention (`druid.coordinator.kill.audit.durationToRetain`): older changes may be gone. */
const AUDIT_RETENTION_MS = 90 * 86_400_000;
const NO_ROWS: AsOfRow[] = [];

/** The rules file of the selected rows' rules then, in the export's shape. */
function rulesFileText(rows: readonly AsOfRow[]): string {
  return `${JSON.stringify(Object.fromEntries(rows.map((row) => [row.key, row.thenJson ?? []])), null, 2)}\n`;
}

function fileName(time: number): string {
  return `rules-as-of-${formatIso(time).slice(0, 16).replace(':', '')}.json`;
}

/** `/history?asof=<time>`: every datasource's rules at a past time, what changed since, and a way back. */
export function RulesAsOfView() {
  const [params, setParams] = useSearchParams();
  const [, navigate] = useLocation();
  const [now] = useState(() => Date.now());
  const text = params.get('asof') ?? '';
  const reading = text === '' ? null : readAsOfTime(text, now);
  const time = reading?.ok ? reading.time : null;
  const asOf = useQuery({ ...rulesAsOfQueryOptions(time ?? 0, now), enabled: time !== null });
  const rows = asOf.data?.rows ?? NO_ROWS;
  const shown = useMemo(() => rows.filter((row) => row.status !== 'same'), [rows]);
  const changed = shown.filter((row) => row.status === 'changed');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const chosen = changed.filter((row) => selected.has(row.key));

  const reviewAsPlan = () => {
    if (time === null || chosen.length === 0) return;
    if (!handOverRulesFile({ fileName: fileName(time), text: rulesFileText(chosen) })) {
      toast.error('The browser refused to keep the rules for the plan; download them as a file instead.');
      return;
    }
    navigate(HANDED_OVER_PLAN_HREF);
  };

  return (
    <section className="stack history-page">
      <div>
        <h1>Rule history</h1>
        <p className="muted">
          Every datasource’s rules at a past time, rebuilt from the audit history, and a way back.
        </p>
      </div>
      <HistoryTabs current="as-of" />
      <AsOfTimeForm
        text={text}
        now={now}
        onSubmit={(value) => {
          setSelected(new Set());
          setParams({ asof: value }, { replace: true });
        }}
      />
      {reading && !reading.ok && (
        <p role="alert" className="alert warning">
          The time in the link cannot be used: {reading.error}
        </p>
      )}
      {time === null && reading === null && <p className="muted">Pick a time to see every datasource’s rules then.</p>}
      {time !== null && asOf.isPending && (
        <p className="muted" aria-busy="true">
          Rebuilding the rules of {formatUtcMinutes(time)} from the audit history…
        </p>
      )}
      {asOf.isError && (
        <QueryErrorAlert error={asOf.error} title="Could not read the rule history" onRetry={() => asOf.refetch()} />
      )}
      {time !== null && asOf.isSuccess && (
        <>
          <p role="status" className="as-of-summary">
            As of {formatUtcMinutes(time)}: {formatCountOf(changed.length, 'datasource')} had other rules than now,
            {` ${shown.length - changed.length} unknown, ${rows.length - shown.length} the same`} (cluster defaults
            included).
          </p>
          {now - time > AUDIT_RETENTION_MS && (
            <p className="alert info">
              This is more than 90 days ago. Druid deletes audit entries older than
              <code> druid.coordinator.kill.audit.durationToRetain</code> (90 days by default) when audit cleanup is on;
              a change deleted that way is missing here, so a datasource shown as unchanged may have changed since.
            </p>
          )}
          {changed.length > 0 && (
            <div className="row as-of-actions">
              <button
                type="button"
                onClick={() =>
                  setSelected(new Set(chosen.length === changed.length ? [] : changed.map((row) => row.key)))
                }
              >
                {chosen.length === changed.length ? 'Select none' : 'Select all'}
              </button>
              <button type="button" className="primary" disabled={chosen.length === 0} onClick={reviewAsPlan}>
                Review {formatCountOf(chosen.length, 'selected datasource')} as a plan…
              </button>
              <button
                type="button"
                disabled={chosen.length === 0}
                onClick={() => time !== null && downloadFile(fileName(time), rulesFileText(chosen), 'application/json')}
              >
                Download as a rules file
              </button>
            </div>
          )}
          {shown.length > 0 && (
            <ul
              className="plain-list stack"
              aria-label={`Datasources whose rules differ from ${formatUtcMinutes(time)}`}
            >
              {shown.map((row) => (
                <AsOfRowCard
                  key={row.key}
                  row={row}
                  selected={selected.has(row.key)}
                  onSelect={(on) =>
                    setSelected((current) => {
                      const next = new Set(current);
                      if (on) next.add(row.key);
                      else next.delete(row.key);
                      return next;
                    })
                  }
                />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
