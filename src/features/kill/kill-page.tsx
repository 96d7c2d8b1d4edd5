import { useState } from 'react';
import { useDataSourceGate } from '../../components/datasource-not-found.tsx';
import { KillDataSourcePicker } from './kill-datasource-picker.tsx';
import { KillWorkflow } from './kill-workflow.tsx';
import { decodeDataSourceParam, useKillUrl } from './use-kill-url.ts';
import './kill.css';

/**
 * Kill: the one action Druid cannot undo (unused segments leave the metadata store and deep storage). A dry run
 * shows exactly what goes and what stays, the name must be typed to confirm, and the task is followed to its end.
 */
export function KillPage({ dataSource: param }: { dataSource?: string }) {
  const dataSource = decodeDataSourceParam(param);
  const url = useKillUrl();
  const [now] = useState(() => Date.now());
  const gate = useDataSourceGate(dataSource, 'kill');
  if (gate.page) return gate.page;
  return (
    <section className="stack kill-page">
      <div>
        <h1>Kill unused segments</h1>
        <p className="muted">
          Permanently deletes unused segments from the metadata store and deep storage. Druid cannot undo it, so a dry
          run shows exactly what will be deleted first.
        </p>
      </div>
      {dataSource === null ? (
        <div className="card stack">
          <KillDataSourcePicker value={null} onChange={url.chooseDataSource} />
          <p className="muted">Choose the datasource whose unused segments should be deleted.</p>
        </div>
      ) : (
        <KillWorkflow
          key={dataSource}
          dataSource={dataSource}
          url={url}
          now={now}
          picker={<KillDataSourcePicker value={dataSource} onChange={url.chooseDataSource} />}
        />
      )}
    </section>
  );
}
