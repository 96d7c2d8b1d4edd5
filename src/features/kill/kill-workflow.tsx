import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { keptSegmentsQueryOptions } from '../../api/kill-dry-run.ts';
import { readIntervalText } from '../../components/interval-picker/interval-picker.tsx';
import { ETERNITY } from '../../druid/interval.ts';
import { KillConfirm } from './kill-confirm.tsx';
import { KillDryRunView } from './kill-dry-run-view.tsx';
import { KillIntervalField } from './kill-interval-field.tsx';
import { KillRunStatus } from './kill-run-status.tsx';
import { KillTaskList } from './kill-task-list.tsx';
import { useKillRun } from './use-kill-run.ts';
import type { useKillUrl } from './use-kill-url.ts';
import { useUnusedCount } from './use-unused-count.ts';

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

  const run = useKillRun(dataSource);
  // A finished kill changes what is left: count again.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (run.complete) setGeneration((g) => g + 1);
  }, [run.complete]);
  const unused = useUnusedCount(dataSource, interval, generation);
  const kept = useQuery({ ...keptSegmentsQueryOptions(dataSource, interval ?? ETERNITY), enabled: interval !== null });
  const count = unused.count;

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
      {interval !== null && count && (
        <>
          <KillDryRunView
            dataSource={dataSource}
            interval={interval}
            count={count}
            kept={kept}
            now={Date.now()}
            onCancel={unused.cancel}
            onResume={unused.resume}
          />
          {count.status === 'done' && count.count > 0 && (
            <KillConfirm
              dataSource={dataSource}
              interval={interval}
              count={count}
              onKill={run.kill}
              pending={run.submission.isPending && run.accepted === null}
              error={run.submission.error}
            />
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
