import { Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { type LazyPage, lazyPage } from './lazy-page.ts';
import { NotFoundPage } from './not-found-page.tsx';

// One chunk per view keeps the first load small; each feature exports its pages by name.
const DataSourcesPage = lazyPage(() =>
  import('../features/segments/datasources-page.tsx').then((m) => m.DataSourcesPage),
);
const SegmentsPage = lazyPage(() => import('../features/segments/segments-page.tsx').then((m) => m.SegmentsPage));
const KillPage = lazyPage(() => import('../features/kill/kill-page.tsx').then((m) => m.KillPage));
const RulesIndexPage = lazyPage(() => import('../features/rules/rules-index-page.tsx').then((m) => m.RulesIndexPage));
const RulesEditorPage = lazyPage(() =>
  import('../features/rules/rules-editor-page.tsx').then((m) => m.RulesEditorPage),
);
const RulesAsCodePage = lazyPage(() =>
  import('../features/rules-as-code/rules-as-code-page.tsx').then((m) => m.RulesAsCodePage),
);
const RulesFleetPage = lazyPage(() =>
  import('../features/rules-fleet/rules-fleet-page.tsx').then((m) => m.RulesFleetPage),
);
const HistoryPage = lazyPage(() => import('../features/history/history-page.tsx').then((m) => m.HistoryPage));
const UnusedDataPage = lazyPage(() =>
  import('../features/unused-data/unused-data-page.tsx').then((m) => m.UnusedDataPage),
);
const RetirePage = lazyPage(() => import('../features/retire/retire-page.tsx').then((m) => m.RetirePage));
const ClusterPage = lazyPage(() => import('../features/cluster/cluster-page.tsx').then((m) => m.ClusterPage));

type Preloadable = Pick<LazyPage<never>, 'preload'>;

/** The pages of each view: without and with a datasource in the path. */
const PAGES_BY_VIEW: Record<string, readonly [Preloadable, Preloadable?]> = {
  segments: [DataSourcesPage, SegmentsPage],
  kill: [KillPage, KillPage],
  rules: [RulesIndexPage, RulesEditorPage],
  'rules-as-code': [RulesAsCodePage],
  'rules-fleet': [RulesFleetPage],
  history: [HistoryPage],
  'unused-data': [UnusedDataPage],
  cluster: [ClusterPage],
  retire: [DataSourcesPage, RetirePage],
};

/** Loads the chunk of the page at `pathname` (the segments list for "/"), so the first render need not suspend. */
export function preloadPage(pathname: string): Promise<unknown> {
  const [view = 'segments', dataSource] = pathname.split('/').filter(Boolean);
  const pages = PAGES_BY_VIEW[view];
  const page = dataSource === undefined ? pages?.[0] : pages?.[1];
  return page ? page.preload() : Promise.resolve();
}

export function AppRoutes() {
  return (
    <Suspense
      fallback={
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      }
    >
      <Switch>
        <Route path="/">
          <Redirect to="/segments" replace />
        </Route>
        <Route path="/segments">
          <DataSourcesPage />
        </Route>
        <Route path="/segments/:dataSource">{(params) => <SegmentsPage dataSource={params.dataSource} />}</Route>
        <Route path="/kill">
          <KillPage />
        </Route>
        <Route path="/kill/:dataSource">{(params) => <KillPage dataSource={params.dataSource} />}</Route>
        <Route path="/rules">
          <RulesIndexPage />
        </Route>
        <Route path="/rules-fleet">
          <RulesFleetPage />
        </Route>
        <Route path="/rules/:dataSource">{(params) => <RulesEditorPage dataSource={params.dataSource} />}</Route>
        <Route path="/rules-as-code">
          <RulesAsCodePage />
        </Route>
        <Route path="/history">
          <HistoryPage />
        </Route>
        <Route path="/unused-data">
          <UnusedDataPage />
        </Route>
        <Route path="/retire/:dataSource">{(params) => <RetirePage dataSource={params.dataSource} />}</Route>
        <Route path="/cluster">
          <ClusterPage />
        </Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
