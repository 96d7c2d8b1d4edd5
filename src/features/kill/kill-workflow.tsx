import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { killDryRunQueryOptions } from '../../api/kill-dry-run.ts';
import { formatCount } from '../../components/format.ts';
import { readIntervalText } from '../../components/interval-picker/interval-picker.tsx';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { ETERNITY, intervalsEqual } from '../../druid/interval.ts';
import { classifyDryRun } from './dry-run.ts';
import { KillConfirm } from './kill-confirm.tsx';
import { KillDryRunView } from './kill-dry-run-view.tsx';
import { KillIntervalField } from './kill-interval-field.tsx';
import { KillRunStatus } from './kill-run-status.tsx';
import { KillTaskList } from './kill-task-list.tsx';
import { useKillRun } from './use-kill-run.ts';
import type { useKillUrl } from './use-kill-url.ts';

interface KillWorkflowProps {
  dataSource: string;
  url: ReturnType<typeof useKillUrl>;
  now: number;
  /** The datasource choice, shown with the interval. */
  picker: ReactNode;
}

/** Interval → dry run → typed confirmation → kill task followed to its end, for one datasource. */
export function KillWorkflow({ dataSource, url, now, picker }: KillWorkflowProps) {
  // The field's text drives the dry run; the URL only remembers valid intervals, so a bad one never lingers as valid.
  const [draft, setDraft] = useState(url.interval ?? '');
  useEffect(() => {
    if (url.interval !== null)
      setDraft((current) => (current.trim() === url.interval ? current : (url.interval ?? '')));
  }, [url.interval]);
  const reading = readIntervalText(draft);
  const interval = reading.ok ? reading.interval : null;

  const [progress, setProgress] = useState(0);
  const dryRunQuery = useQuery({
    ...killDryRunQueryOptions(dataSource, interval ?? ETERNITY, setProgress),
    enabled: interval !== null,
  });
  const dryRun = useMemo(
    () => (dryRunQuery.data ? classifyDryRun(dryRunQuery.data, Date.now()) : null),
    [dryRunQuery.data],
  );
  const current = dryRun !== null && interval !== null && intervalsEqual(dryRun.interval, interval) ? dryRun : null;
  const run = useKillRun(dataSource);

  return (
    <>
      <div className="card stack">
        {picker}
        <KillIntervalField
          dataSource={dataSource}
          value={draft}
          now={now}
          onChange={(text) => {
            setDraft(text);
            if (readIntervalText(text).ok) url.setInterval(text.trim());
          }}
        />
        {interval === null && (
          <p className="muted">
            {draft.trim() === ''
              ? 'Enter or pick an interval to see what a kill would delete.'
              : 'Fix the interval to see what a kill would delete. Nothing is sent until it is valid.'}
          </p>
        )}
      </div>
      {interval !== null && dryRunQuery.isPending && (
        <p className="muted" aria-busy="true">
          Dry run: reading unused segments… {progress > 0 ? `${formatCount(progress)} so far` : ''}
        </p>
      )}
      {interval !== null && dryRunQuery.isError && (
        <QueryErrorAlert error={dryRunQuery.error} title="The dry run failed" onRetry={() => dryRunQuery.refetch()} />
      )}
      {current && (
        <>
          <KillDryRunView dataSource={dataSource} dryRun={current} />
          {dryRunQuery.isFetching ? (
            <p className="muted" aria-busy="true">
              Refreshing the dry run…
            </p>
          ) : (
            current.toDelete.length > 0 && (
              <KillConfirm
                dataSource={dataSource}
                dryRun={current}
                onKill={(confirmed) => run.kill(confirmed.interval)}
                pending={run.submission.isPending && run.accepted === null}
                error={run.submission.error}
              />
            )
          )}
        </>
      )}
      {run.submission.isPending && run.accepted !== null && (
        <p className="alert info" role="status">
          Druid accepted the kill request. Looking for the task it started…
        </p>
      )}
      {run.submission.data && <KillRunStatus submission={run.submission.data} status={run.status} />}
      <KillTaskList dataSource={dataSource} />
    </>
  );
}
