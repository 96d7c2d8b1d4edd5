/**
 * What a view shows instead of an empty datasource when the one in its URL does not exist (a typo, a killed
 * datasource), and the note the rules editor shows for a datasource with rules but no segments. Pages call
 * `useDataSourceGate` and return its `page` when there is one: no write action is offered there.
 */
import { type ReactElement, useRef } from 'react';
import { Link, useSearchParams } from 'wouter';
import { type DataSourceExistence, useDataSourceExistence } from '../api/datasource-existence.ts';
import { Breadcrumb } from './breadcrumb.tsx';
import './datasource-not-found.css';

export type DataSourceView = 'segments' | 'kill' | 'rules';

const LIST: Record<DataSourceView, { href: string; label: string }> = {
  segments: { href: '/segments', label: 'Datasources' },
  kill: { href: '/kill', label: 'Kill unused segments' },
  rules: { href: '/rules', label: 'Retention rules' },
};

/** The search parameter of "Create rules for x anyway": in the URL, so a reload keeps the editor open. */
export const CREATE_PARAM = 'create';

function viewHref(view: DataSourceView, dataSource: string): string {
  return `/${view}/${encodeURIComponent(dataSource)}`;
}

interface DataSourceGate {
  /** The whole page to show instead of the view, or null to show the view. */
  page: ReactElement | null;
  /** A note for the rules editor (rules but no segments; rules created ahead of ingestion). */
  notice: ReactElement | null;
}

/**
 * `dataSource` null (no datasource chosen, or `_default` under /rules) is always shown as it is. Once a view has
 * been shown for a datasource it stays: killing its last segments or clearing its rules must not swap the result
 * of that action for a not-found page.
 */
export function useDataSourceGate(dataSource: string | null, view: DataSourceView): DataSourceGate {
  const existence = useDataSourceExistence(dataSource);
  const [searchParams] = useSearchParams();
  const shown = useRef<string | null>(null);
  if (dataSource === null || existence === null) return { page: null, notice: null };
  const creating = view === 'rules' && searchParams.has(CREATE_PARAM);
  const blocked =
    (existence.state === 'missing' && !creating) || (existence.state === 'rules-only' && view !== 'rules');
  if (blocked && shown.current !== dataSource)
    return { page: <DataSourceNotFound dataSource={dataSource} view={view} existence={existence} />, notice: null };
  if (existence.state !== 'checking' && existence.state !== 'unknown') shown.current = dataSource;
  if (view !== 'rules') return { page: null, notice: null };
  if (existence.state === 'rules-only')
    return {
      page: null,
      notice: (
        <p className="alert info">
          <strong>{dataSource}</strong> has rules but no segments, used or unused: they apply to its segments once they
          are ingested.
        </p>
      ),
    };
  if (existence.state === 'missing')
    return {
      page: null,
      notice: (
        <p className="alert warning">
          No datasource named <strong>{dataSource}</strong> yet. Rules saved here wait for it: Druid applies them to its
          segments once they are ingested under exactly this name.
        </p>
      ),
    };
  return { page: null, notice: null };
}

interface DataSourceNotFoundProps {
  dataSource: string;
  view: DataSourceView;
  existence: Extract<DataSourceExistence, { state: 'missing' | 'rules-only' }>;
}

export function DataSourceNotFound({ dataSource, view, existence }: DataSourceNotFoundProps) {
  const list = LIST[view];
  return (
    <section className="datasource-not-found stack">
      <Breadcrumb items={[{ label: list.label, href: list.href }, { label: dataSource }]} />
      {existence.state === 'rules-only' ? (
        <>
          <h1>
            <span className="datasource-not-found-name">{dataSource}</span> has rules but no segments
          </h1>
          <p>
            Druid's metadata store holds no segment of <strong>{dataSource}</strong>, used or unused
            {view === 'kill' ? ', so there is nothing to kill' : ''}. Its retention rules apply once segments are
            ingested.
          </p>
          <p>
            <Link className="button" href={viewHref('rules', dataSource)}>
              Retention rules of {dataSource}
            </Link>
          </p>
        </>
      ) : (
        <>
          <h1>
            No datasource named <span className="datasource-not-found-name">{dataSource}</span>
          </h1>
          <p>Druid has no segment of that name, used or unused, served or stored, and no rules of its own for it.</p>
          <Suggestions view={view} names={existence.suggestions} />
          {view === 'rules' && <CreateAnyway dataSource={dataSource} />}
        </>
      )}
    </section>
  );
}

function Suggestions({ view, names }: { view: DataSourceView; names: readonly string[] }) {
  const list = LIST[view];
  if (names.length === 0)
    return (
      <p>
        No datasource has a similar name.{' '}
        <Link href={list.href}>See all {view === 'rules' ? 'rules' : 'datasources'}</Link>.
      </p>
    );
  return (
    <div className="stack datasource-not-found-suggestions">
      <h2 id="datasource-suggestions">Did you mean</h2>
      <ul aria-labelledby="datasource-suggestions">
        {names.map((name) => (
          <li key={name}>
            <Link href={viewHref(view, name)}>{name}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Rules for a datasource not ingested yet are legitimate, so the editor stays reachable, but only on purpose. */
function CreateAnyway({ dataSource }: { dataSource: string }) {
  return (
    <div className="card stack">
      <p>
        Rules can be set before a datasource exists: Druid applies them to its segments once they are ingested under
        exactly this name. Check the spelling first: rules saved for a typo apply to nothing.
      </p>
      <p>
        <Link className="button" href={`${viewHref('rules', dataSource)}?${CREATE_PARAM}=1`}>
          Create rules for {dataSource} anyway
        </Link>
      </p>
    </div>
  );
}
