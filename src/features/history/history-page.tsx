import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'wouter';
import { type AuditEntry, ruleHistoryQueryOptions } from '../../api/history.ts';
import { entryByIdQueryOptions, previousInList } from '../../api/history-previous.ts';
import { formatCountOf } from '../../components/format.ts';
import { readIntervalText } from '../../components/interval-picker/interval-picker.tsx';
import { formatUtcMinutes } from './format-time.ts';
import { HistoryEmptyState, HistoryError } from './history-empty-state.tsx';
import { HistoryEntryDetail } from './history-entry-detail.tsx';
import { HistoryFilters } from './history-filters.tsx';
import { HistoryTable } from './history-table.tsx';
import { HistoryTabs } from './history-tabs.tsx';
import { HistoryTimeline } from './history-timeline.tsx';
import { RulesAsOfView } from './rules-as-of-view.tsx';
import { timelineWindow } from './timeline-window.ts';
import { useHistoryDataSources } from './use-history-data-sources.ts';
import { historyHref, scopeOf, useHistoryUrl } from './use-history-url.ts';
import './history-page.css';

const NO_ENTRIES: AuditEntry[] = [];

/** `/history`: the changes (who, when, why, what), or with `?asof=` the rules they add up to at one time. */
export function HistoryPage(_props: { dataSource?: string }) {
  const [params] = useSearchParams();
  return params.has('asof') ? <RulesAsOfView /> : <HistoryChangesView />;
}

/** Who changed retention rules, when, why and what changed, across all datasources or one, with a way back. */
function HistoryChangesView() {
  const [url, update] = useHistoryUrl();
  const [now] = useState(() => Date.now());
  const reading = url.interval === null ? null : readIntervalText(url.interval);
  const scope = scopeOf(url, reading?.ok ? reading.canonical : null);
  const history = useQuery({
    ...ruleHistoryQueryOptions(scope ?? { dataSource: null, mode: 'interval', interval: null }),
    enabled: scope !== null,
  });
  const entries = history.data ?? NO_ENTRIES;
  const dataSources = useHistoryDataSources(entries);

  const inList = url.entryId ? entries.find((entry) => entry.id === url.entryId) : undefined;
  const lookup = useQuery({
    ...entryByIdQueryOptions(url.entryId ?? ''),
    enabled: url.entryId !== null && history.isSuccess && !inList,
  });
  const selected = inList ?? lookup.data ?? null;

  const interval = reading?.ok ? reading.interval : null;
  const start = interval?.start;
  const end = interval?.end;
  const initialWindow = useMemo(
    () => timelineWindow(url.mode, start === undefined || end === undefined ? null : { start, end }, entries, now),
    [url.mode, start, end, entries, now],
  );
  const windowText = interval
    ? `between ${formatUtcMinutes(interval.start)} and ${formatUtcMinutes(interval.end)}`
    : 'in the last 7 days';

  return (
    <section className="stack history-page">
      <div>
        <h1>Rule history</h1>
        <p className="muted">Who changed retention rules, when and why, what changed, and a way back.</p>
      </div>
      <HistoryTabs current="changes" />
      <HistoryFilters state={url} onChange={(change) => update(change)} dataSources={dataSources} now={now} />
      {scope === null && <p className="muted">Enter a valid time range to see the changes in it.</p>}
      {scope !== null && history.isPending && (
        <p className="muted" aria-busy="true">
          Loading rule history…
        </p>
      )}
      {history.isError && (
        <HistoryError error={history.error} dataSource={url.dataSource} onRetry={() => history.refetch()} />
      )}
      {history.isSuccess && entries.length === 0 && (
        <HistoryEmptyState
          mode={url.mode}
          dataSource={url.dataSource}
          windowText={windowText}
          onShowLast={() => update({ mode: 'count', interval: null, count: 50 })}
        />
      )}
      {history.isSuccess && entries.length > 0 && (
        <>
          <p className="history-summary" role="status">
            {url.mode === 'count'
              ? `The last ${formatCountOf(entries.length, 'change')}`
              : `${formatCountOf(entries.length, 'change')} ${windowText}`}
            {url.dataSource === null ? ' across all datasources' : ` to ${url.dataSource}`}, newest first.
          </p>
          <HistoryTimeline
            entries={entries}
            initialWindow={initialWindow}
            selectedId={selected?.id ?? null}
            onSelect={(entry) => update({ entryId: entry.id }, { push: true })}
          />
        </>
      )}
      {history.isSuccess && (entries.length > 0 || selected) && (
        <div className={`history-body${selected && entries.length > 0 ? ' with-detail' : ''}`}>
          {entries.length > 0 && (
            <HistoryTable
              entries={entries}
              selectedId={selected?.id ?? null}
              hrefOf={(entry) => historyHref({ ...url, entryId: entry.id })}
              caption="Rule changes, newest first"
            />
          )}
          {selected && (
            <HistoryEntryDetail
              key={selected.id}
              entry={selected}
              previousInList={inList ? previousInList(entries, inList) : undefined}
              closeHref={historyHref({ ...url, entryId: null })}
            />
          )}
        </div>
      )}
      {url.entryId !== null && history.isSuccess && !inList && lookup.isSuccess && lookup.data === null && (
        <p role="alert" className="alert warning">
          The change in the link ({url.entryId}) was not found in the rule history.
        </p>
      )}
    </section>
  );
}
