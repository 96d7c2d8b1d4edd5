import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { UnusedCount } from '../../api/kill-count.ts';
import { submitKill } from '../../api/kill-run.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatBytes, formatCountOf } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { formatInterval, type Interval } from '../../druid/interval.ts';
import type { RetireStepStatus } from './retire-steps.ts';
import { RetireTasks } from './retire-tasks.tsx';
import { useRetireCount } from './use-retire-count.ts';

interface KillStepProps {
  dataSource: string;
  status: RetireStepStatus;
  /** Changes when a kill task ends or unused segments appear: the dry run counts afresh (not on every refetch). */
  generation: string;
  taskIds: readonly string[];
  /** The new task's id once Druid's task list shows it (null when it could not be found). */
  onSubmitted: (taskId: string | null) => void;
}

/** "1,204 unused segments (3.2 GB) from … to …, 2 versions": what the kill deletes, or what is counted so far. */
export function killEffect(count: UnusedCount): string {
  const parts = [`${formatCountOf(count.count, 'unused segment')} (${formatBytes(count.bytes)})`];
  if (count.range) parts.push(`from ${formatInterval(count.range).replace('/', ' to ')}`);
  parts.push(formatCountOf(count.versionCount, 'version'));
  return parts.join(', ');
}

/**
 * Step 3: the dry run counts every unused segment, then one kill task deletes them over exactly their time range
 * (never `1000/3000`, whose lock waits on streaming tasks). Segments marked unused meanwhile are counted again
 * when the task ends, and killed by another task.
 */
export function KillStep({ dataSource, status, generation, taskIds, onSubmitted }: KillStepProps) {
  const active = status === 'current';
  const { count, cancel, resume } = useRetireCount(dataSource, active, generation);
  const [open, setOpen] = useState(false);
  const kill = useMutation({
    scope: { id: `kill:${dataSource}` },
    mutationFn: (interval: Interval) => submitKill(dataSource, interval),
    onSuccess: (submission) => {
      onSubmitted(submission.task?.id ?? null);
      setOpen(false);
    },
  });
  return (
    <>
      {status === 'done' && (
        <p>No unused segment left: kill tasks deleted them from the metadata store and deep storage.</p>
      )}
      {status === 'later' && <p className="muted">Once nothing is used: a kill deletes unused segments only.</p>}
      {status === 'running' && (
        <p role="status">A kill task of this retirement is running; what is left is counted when it ends.</p>
      )}
      {active && <DryRun count={count} onCancel={cancel} onResume={resume} />}
      {active && count?.status === 'done' && count.count > 0 && count.range && (
        <>
          <div className="row">
            <button type="button" className="danger" onClick={() => setOpen(true)}>
              Kill {formatCountOf(count.count, 'segment')}…
            </button>
            <span className="muted">You will be asked to type the datasource’s name.</span>
          </div>
          <ConfirmDialog
            open={open}
            title={`Permanently delete ${formatCountOf(count.count, 'unused segment')} of ${dataSource}?`}
            confirmLabel={`Kill ${formatCountOf(count.count, 'segment')}`}
            destructive
            typedConfirmation={dataSource}
            pending={kill.isPending}
            error={kill.error}
            onCancel={() => {
              setOpen(false);
              kill.reset();
            }}
            onConfirm={() => count.range && kill.mutate(count.range)}
          >
            <p>
              A kill task deletes {killEffect(count)} from the metadata store <strong>and</strong> from deep storage,
              over <code>{formatInterval(count.range)}</code>. <strong>This cannot be undone.</strong>
            </p>
            <p className="muted">
              The interval is exactly the time range of these segments, not all time: a kill over all time waits for the
              locks of any ingestion task. Segments marked unused inside it after the dry run are deleted too; any left
              outside it are counted again when the task ends.
            </p>
          </ConfirmDialog>
        </>
      )}
      {kill.data && kill.data.task === null && (
        <p className="alert warning" role="status">
          Druid accepted the kill request, but its task could not be found in the task list. Check again once it has
          run.
        </p>
      )}
      {taskIds.length > 0 && <RetireTasks dataSource={dataSource} taskIds={taskIds} />}
    </>
  );
}

function DryRun({
  count,
  onCancel,
  onResume,
}: {
  count: UnusedCount | null;
  onCancel: () => void;
  onResume: () => void;
}) {
  if (count === null || count.status === 'counting')
    return (
      <div className="row" aria-busy="true">
        <p role="status">
          Dry run: counting the unused segments…{' '}
          {count && count.count > 0 && <strong>{killEffect(count)} so far</strong>}
        </p>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  if (count.status === 'failed')
    return <QueryErrorAlert error={count.error} title="The dry run stopped" onRetry={onResume} />;
  if (count.status === 'cancelled')
    return (
      <div className="row">
        <p role="status">Dry run stopped: {count.count > 0 ? `${killEffect(count)} so far` : 'nothing counted yet'}.</p>
        <button type="button" onClick={onResume}>
          Go on counting
        </button>
      </div>
    );
  return (
    <p role="status">
      {count.count === 0 ? (
        'Dry run: no unused segment left to delete.'
      ) : (
        <>
          Dry run: <strong>{killEffect(count)}</strong> will be permanently deleted.
        </>
      )}
    </p>
  );
}
