import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'wouter';
import type { AsOfRow } from '../../api/rules-as-of.ts';
import { rulesAsOfQueryOptions } from '../../api/rules-as-of-fetch.ts';
import { formatCountOf } from '../../components/format.ts';
import { formatUtc } from '../../components/format-time.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { AsOfActions } from './as-of-actions.tsx';
import { AsOfRowCard } from './as-of-row.tsx';
import { AsOfSameList } from './as-of-same-list.tsx';
import { readAsOfTime } from './as-of-time.ts';
import { AsOfTimeForm } from './as-of-time-form.tsx';
import { HistoryTabs } from './history-tabs.tsx';
import './rules-as-of.css';

/** Druid's default audit retention (`druid.coordinator.kill.audit.durationToRetain`): older changes may be gone. */
const AUDIT_RETENTION_MS = 90 * 86_400_000;
const NO_ROWS: AsOfRow[] = [];
/** Cards rendered at first: each holds a diff, and a fleet change can touch thousands of datasources. */
const PAGE = 200;

/** `2026-11-20 14:30 UTC`, seconds when the time has them: changes seconds apart must not read as one. */
const asOfLabel = (time: number) => formatUtc(time, { zone: true });

/** `/history?asof=<time>`: every datasource's rules at a past time, what changed since, and a way back. */
export function RulesAsOfView() {
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => Date.now());
  const text = params.get('asof') ?? '';
  const reading = text === '' ? null : readAsOfTime(text, now);
  const time = reading?.ok ? reading.time : null;
  const asOf = useQuery({ ...rulesAsOfQueryOptions(time ?? 0, now), enabled: time !== null });
  const rows = asOf.data?.rows ?? NO_ROWS;
  const shown = useMemo(() => rows.filter((row) => row.status !== 'same'), [rows]);
  const same = useMemo(() => rows.filter((row) => row.status === 'same'), [rows]);
  const changed = shown.filter((row) => row.status === 'changed');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const chosen = changed.filter((row) => selected.has(row.key));
  const [limit, setLimit] = useState(PAGE);

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
          Rebuilding the rules of {asOfLabel(time)} from the audit history…
        </p>
      )}
      {asOf.isError && (
        <QueryErrorAlert error={asOf.error} title="Could not read the rule history" onRetry={() => asOf.refetch()} />
      )}
      {time !== null && asOf.isSuccess && (
        <>
          <p role="status" className="as-of-summary">
            As of {asOfLabel(time)}: {formatCountOf(changed.length, 'datasource')} had other rules than now,
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
          <AsOfActions
            time={time}
            rows={rows}
            changed={changed}
            chosen={chosen}
            onSelectAll={(all) => setSelected(new Set(all ? changed.map((row) => row.key) : []))}
          />
          {shown.length > 0 && (
            <ul className="plain-list stack" aria-label={`Datasources whose rules differ from ${asOfLabel(time)}`}>
              {shown.slice(0, limit).map((row) => (
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
          {shown.length > limit && (
            <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
              Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit} not shown
            </button>
          )}
          <AsOfSameList rows={same} />
        </>
      )}
    </section>
  );
}
