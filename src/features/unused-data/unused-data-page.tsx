import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState } from 'react';
import { dataSourceNamesWithUnusedQueryOptions } from '../../api/datasources.ts';
import { formatCount } from '../../components/format.ts';
import { filterDataSourceNames, NameFilterField, useNameFilterParam } from '../../components/name-filter.tsx';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { AutoKillSettingsCard } from './auto-kill-settings-card.tsx';
import { ConfigHistory } from './config-history.tsx';
import { ForecastTable } from './forecast-table.tsx';
import { KillHistoryTable } from './kill-history-table.tsx';
import { ProtectDialog, type ProtectRequest } from './protect-dialog.tsx';
import { useAutoKillState } from './use-auto-kill-state.ts';
import './unused-data.css';

/**
 * Unused data and what Druid deletes on its own: the auto-kill settings, per datasource which unused segments go
 * and when (or why not), the kill tasks that ran, and who changed the settings.
 */
export function UnusedDataPage() {
  const id = useId();
  const state = useAutoKillState();
  const names = useQuery(dataSourceNamesWithUnusedQueryOptions());
  const [filter, setFilter] = useNameFilterParam();
  const [protecting, setProtecting] = useState<ProtectRequest | null>(null);
  const shown = useMemo(() => filterDataSourceNames(names.data ?? [], filter), [names.data, filter]);
  const whitelist = state.plan.whitelist;
  const onProtect = useCallback((dataSource: string, protect: boolean) => setProtecting({ dataSource, protect }), []);
  const considered = whitelist && whitelist.length > 0 ? whitelist.length : (names.data?.length ?? 0);
  const slots = state.plan.maxSlots;
  const short = slots !== null && slots > 0 && considered > slots;
  const shared = useMemo(
    () => ({
      competing: short && slots !== null ? { slots, dataSources: considered } : null,
      plan: state.plan,
      now: state.now,
      nextRunAt: state.nextRunAt,
      onProtect: whitelist === null ? null : onProtect,
    }),
    [state.plan, state.now, state.nextRunAt, whitelist, onProtect, short, slots, considered],
  );

  return (
    <section className="unused-data-page stack">
      <h1>Unused data</h1>
      <p className="muted">
        Unused segments stay in deep storage until a kill task deletes them, by hand or by the Coordinator’s auto-kill.
        What auto-kill will delete, when, and who set it so.
      </p>
      <AutoKillSettingsCard state={state} />
      <section className="card stack" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>Unused segments by datasource</h2>
        <NameFilterField id={`${id}-filter`} value={filter} onChange={setFilter} />
        {names.isPending && <p aria-busy="true">Loading datasources…</p>}
        {names.isError && <QueryErrorAlert error={names.error} onRetry={() => void names.refetch()} />}
        {names.data && (
          <>
            <p role="status" className="muted">
              {formatCount(shown.length)} of {formatCount(names.data.length)} datasources. Each row reads its first
              unused segments by time (the ones auto-kill takes first); “Count all” reads the rest.
            </p>
            <ForecastTable names={shown} shared={shared} />
          </>
        )}
      </section>
      <KillHistoryTable state={state} />
      <ConfigHistory />
      {whitelist !== null && (
        <ProtectDialog
          request={protecting}
          whitelist={whitelist}
          allDataSources={names.data ?? []}
          embeddedKillOn={state.settings?.overlordKillEnabled.value === true}
          onClose={() => setProtecting(null)}
        />
      )}
    </section>
  );
}
