import { useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Link } from 'wouter';
import { intervalSummariesQueryOptions } from '../../api/interval-summaries.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { useDataSourceGate } from '../../components/datasource-not-found.tsx';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { DataSourceActions } from './datasource-actions.tsx';
import { dataSourceHref, decodeDataSourceParam } from './datasource-path.ts';
import { FullSegmentsView } from './full-segments-view.tsx';
import { FULL_LOAD_MAX_SERVED } from './window-sizing.ts';
import { WindowedSegmentsView } from './windowed-segments-view.tsx';
import './segments.css';

/**
 * The datasource's served segments per interval decide the mode once per datasource: small ones load whole, big ones
 * are shown a time window at a time (a later refetch after a change never switches mode under the operator).
 */
function useWindowedMode(dataSource: string) {
  const summaries = useQuery({ ...intervalSummariesQueryOptions(dataSource), refetchOnWindowFocus: false });
  const decided = useRef<{ dataSource: string; windowed: boolean } | null>(null);
  if (summaries.data && decided.current?.dataSource !== dataSource)
    decided.current = { dataSource, windowed: summaries.data.count > FULL_LOAD_MAX_SERVED };
  const [, rerender] = useState(0);
  const windowed = decided.current?.dataSource === dataSource ? decided.current.windowed : null;
  // A full load that finds more unused segments than it holds hands over to windowed mode, for good.
  const switchToWindowed = useCallback(() => {
    decided.current = { dataSource, windowed: true };
    rerender((n) => n + 1);
  }, [dataSource]);
  return { summaries, windowed, switchToWindowed };
}

export function SegmentsPage(props: { dataSource?: string }) {
  const dataSource = decodeDataSourceParam(props.dataSource ?? '');
  // Known once the view has counted them all; Kill is offered until then (the kill view counts for itself).
  const [unusedCount, setUnusedCount] = useState<number | null>(null);
  const { summaries, windowed, switchToWindowed } = useWindowedMode(dataSource);
  const gate = useDataSourceGate(dataSource, 'segments');
  if (gate.page) return gate.page;

  return (
    <section className="segments-page stack">
      <header className="segments-page-header">
        <Breadcrumb items={[{ label: 'Datasources', href: '/segments' }, { label: dataSource }]} />
        <h1>
          Segments of <span className="segments-page-name">{dataSource}</span>
        </h1>
        <div className="row segments-page-actions">
          <Link className="button" href={dataSourceHref('rules', dataSource)}>
            Retention rules
          </Link>
          <DataSourceActions dataSource={dataSource} unusedCount={unusedCount} />
        </div>
      </header>
      {windowed === null ? (
        summaries.isError ? (
          <QueryErrorAlert
            title="Could not load the datasource's intervals"
            error={summaries.error}
            onRetry={() => void summaries.refetch()}
          />
        ) : (
          <p aria-busy="true">Loading…</p>
        )
      ) : windowed && summaries.data ? (
        <WindowedSegmentsView dataSource={dataSource} summaries={summaries.data} onUnusedCount={setUnusedCount} />
      ) : (
        <FullSegmentsView dataSource={dataSource} onTooBig={switchToWindowed} onUnusedCount={setUnusedCount} />
      )}
    </section>
  );
}
