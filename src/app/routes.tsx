import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { NotFoundPage } from './not-found-page.tsx';

// One chunk per view keeps the first load small; each feature exports its pages by name.
const DataSourcesPage = lazy(() =>
  import('../features/segments/datasources-page.tsx').then((m) => ({ default: m.DataSourcesPage })),
);
const SegmentsPage = lazy(() =>
  import('../features/segments/segments-page.tsx').then((m) => ({ default: m.SegmentsPage })),
);
const KillPage = lazy(() => import('../features/kill/kill-page.tsx').then((m) => ({ default: m.KillPage })));
const RulesIndexPage = lazy(() =>
  import('../features/rules/rules-index-page.tsx').then((m) => ({ default: m.RulesIndexPage })),
);
const RulesEditorPage = lazy(() =>
  import('../features/rules/rules-editor-page.tsx').then((m) => ({ default: m.RulesEditorPage })),
);
const HistoryPage = lazy(() =>
  import('../features/history/history-page.tsx').then((m) => ({ default: m.HistoryPage })),
);
const ClusterPage = lazy(() =>
  import('../features/cluster/cluster-page.tsx').then((m) => ({ default: m.ClusterPage })),
);

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
        <Route path="/rules/:dataSource">{(params) => <RulesEditorPage dataSource={params.dataSource} />}</Route>
        <Route path="/history">
          <HistoryPage />
        </Route>
        <Route path="/cluster">
          <ClusterPage />
        </Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
