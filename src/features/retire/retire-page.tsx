import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { druidKeys } from '../../api/query-keys.ts';
import { retireFactsQueryOptions } from '../../api/retire-facts.ts';
import { invalidateSegmentQueries } from '../../api/segment-updates.ts';
import { isTaskComplete, taskStatusQueryOptions } from '../../api/tasks.ts';
import { useCanWrite } from '../../api/write-permissions.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { formatInstant } from '../../druid/instant.ts';
import { CheckStep } from './check-step.tsx';
import { KillStep } from './kill-step.tsx';
import { MarkStep } from './mark-step.tsx';
import { notedWith, type RetireNote, type RetireStepId, readRetireNote, writeRetireNote } from './retire-note.ts';
import { RetireStep } from './retire-step.tsx';
import { deriveRetireState, type RetireState } from './retire-steps.ts';
import { RulesStep } from './rules-step.tsx';
import './retire.css';

const STEP_NAMES: Record<RetireStepId, string> = {
  rules: 'the rules are no longer the defaults',
  mark: 'segments are used again',
  kill: 'unused segments are back',
  check: 'it is listed again',
};

/** Every step not done shown as waiting, so none offers its action. */
function readOnlySteps(steps: RetireState['steps']): RetireState['steps'] {
  const entries = Object.entries(steps).map(([step, status]) => [step, status === 'done' ? 'done' : 'later']);
  return Object.fromEntries(entries) as RetireState['steps'];
}

function decodeParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

/**
 * Retire a datasource, which Druid has no single call for (apache/druid#7615, #10916): rules to the defaults,
 * everything marked unused, everything killed, then every list checked. Each step's state is read from Druid, so
 * the flow can be left and resumed; a small note in this browser only remembers the kill tasks to follow.
 */
export function RetirePage({ dataSource: param }: { dataSource: string }) {
  const dataSource = decodeParam(param);
  const queryClient = useQueryClient();
  const facts = useQuery(retireFactsQueryOptions(dataSource));
  const [note, setNote] = useState<RetireNote | null>(() => readRetireNote(dataSource));
  // The note found on arrival: only then is this a resumed retirement.
  const [resumed] = useState(note !== null);
  const record = useCallback(
    (change: { done?: RetireStepId; killTaskId?: string }) =>
      setNote((current) => {
        const next = notedWith(current, change, Date.now());
        writeRetireNote(dataSource, next);
        return next;
      }),
    [dataSource],
  );
  const tasks = useQueries({ queries: (note?.killTaskIds ?? []).map((id) => taskStatusQueryOptions(id)) });
  const killRunning = tasks.some((task) => (task.isPending ? true : !task.isError && !isTaskComplete(task.data)));
  const finishedTasks = tasks.filter((task) => isTaskComplete(task.data)).length;

  const refresh = useCallback(async () => {
    await invalidateSegmentQueries(queryClient, dataSource);
    await queryClient.invalidateQueries({ queryKey: druidKeys.rules() });
    await queryClient.invalidateQueries({ queryKey: druidKeys.tasks(dataSource) });
  }, [queryClient, dataSource]);
  // A kill task that ends changes what is left: read Druid's state again.
  useEffect(() => {
    if (finishedTasks > 0) void refresh();
  }, [finishedTasks, refresh]);

  const writable = useCanWrite(dataSource);
  const found = facts.data ? deriveRetireState({ facts: facts.data, note, killRunning }) : null;
  // After Druid refused a write here (403), no step is offered: each would be refused the same way.
  const state = found && !writable ? { ...found, steps: readOnlySteps(found.steps) } : found;
  return (
    <section className="stack retire-page">
      <Breadcrumb
        items={[
          { label: 'Datasources', href: '/segments' },
          { label: dataSource, href: `/segments/${encodeURIComponent(dataSource)}` },
          { label: 'Retire' },
        ]}
      />
      <div>
        <h1>Retire {dataSource}</h1>
        <p className="muted">
          Druid has no “delete datasource”: its rules go back to the defaults, its segments are marked unused, then
          killed from the metadata store and deep storage. Each step states its exact effect and asks first; you can
          leave and come back, every step’s state is read from Druid.
        </p>
      </div>
      {facts.isError && (
        <QueryErrorAlert
          error={facts.error}
          title={`Could not read what is left of ${dataSource}`}
          onRetry={() => facts.refetch()}
        />
      )}
      {facts.isPending && <p aria-busy="true">Reading what is left of {dataSource}…</p>}
      {resumed && note && state && state.current !== null && (
        <p className="alert info">
          You started retiring {dataSource} on {formatInstant(note.startedAt)} in this browser; it goes on where Druid
          stands now.
        </p>
      )}
      {!writable && (
        <p className="alert warning" role="note">
          You may read but not change {dataSource}: Druid refused your last change there. Steps are shown, not offered.
        </p>
      )}
      {state?.undone.map((step) => (
        <p key={step} className="alert warning" role="note">
          Changed since you did it: {STEP_NAMES[step]}. Someone else may be using {dataSource}; check before going on.
        </p>
      ))}
      {state?.unknown && facts.data ? (
        <p className="alert info">
          No datasource named <strong>{dataSource}</strong>: nothing in the metadata store, nothing served, no rules of
          its own. <Link href="/segments">All datasources</Link>
        </p>
      ) : (
        state &&
        facts.data && (
          <ol className="retire-steps plain-list">
            <RetireStep number={1} title="Rules: back to the defaults" status={state.steps.rules}>
              <RulesStep
                dataSource={dataSource}
                facts={facts.data}
                status={state.steps.rules}
                onDone={async () => {
                  record({ done: 'rules' });
                  await refresh();
                }}
              />
            </RetireStep>
            <RetireStep number={2} title="Mark every segment unused" status={state.steps.mark}>
              <MarkStep
                dataSource={dataSource}
                facts={facts.data}
                status={state.steps.mark}
                onDone={async () => {
                  record({ done: 'mark' });
                  await refresh();
                }}
              />
            </RetireStep>
            <RetireStep number={3} title="Kill every unused segment" status={state.steps.kill}>
              <KillStep
                dataSource={dataSource}
                status={state.steps.kill}
                generation={`${finishedTasks}:${facts.data.hasUnused}`}
                taskIds={note?.killTaskIds ?? []}
                onSubmitted={(taskId) => {
                  if (taskId) record({ killTaskId: taskId });
                  void refresh();
                }}
              />
            </RetireStep>
            <RetireStep number={4} title="Check every list" status={state.steps.check}>
              <CheckStep
                dataSource={dataSource}
                facts={facts.data}
                status={state.steps.check}
                checking={facts.isFetching}
                onCheck={() => void refresh()}
              />
            </RetireStep>
          </ol>
        )
      )}
    </section>
  );
}
