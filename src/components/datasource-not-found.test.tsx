import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { druidKeys } from '../api/query-keys.ts';
import { readRuleList } from '../api/rules.ts';
import { type DataSourceView, useDataSourceGate } from './datasource-not-found.tsx';

const NAMES = ['sales_events', 'social_media', 'wikipedia_hour'];
const LOAD = [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }];

function View({ dataSource, view }: { dataSource: string; view: DataSourceView }) {
  const gate = useDataSourceGate(dataSource, view);
  if (gate.page) return gate.page;
  return (
    <section>
      <h1>The {view} view</h1>
      {gate.notice}
    </section>
  );
}

/** A cache holding the cluster's answers, so nothing is fetched. */
function cluster(rules: Record<string, unknown[]> = {}, served: string[] = []) {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  client.setQueryData(druidKeys.dataSourceNamesWithUnused(), NAMES);
  client.setQueryData(druidKeys.usedTotals(), new Map(served.map((name) => [name, {}])));
  for (const [name, list] of Object.entries(rules)) client.setQueryData(druidKeys.rulesOf(name), readRuleList(list));
  return client;
}

function show(client: QueryClient, dataSource: string, view: DataSourceView) {
  return render(
    <QueryClientProvider client={client}>
      <View dataSource={dataSource} view={view} />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('nothing is fetched in these tests'));
});
afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('useDataSourceGate', () => {
  it('shows a typo as not found, with the closest names in the same view and nothing to write', () => {
    show(cluster({ wikipedia_huor: [] }), 'wikipedia_huor', 'kill');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('No datasource named wikipedia_huor');
    const suggestion = screen.getByRole('link', { name: 'wikipedia_hour' });
    expect(suggestion).toHaveAttribute('href', '/kill/wikipedia_hour');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link', { name: /Create rules/ })).toBeNull();
  });

  it('offers rules for a new name only as an explicit action, which opens the editor with a warning', () => {
    const { unmount } = show(cluster({ orders_2028: [] }), 'orders_2028', 'rules');
    expect(screen.getByText(/No datasource has a similar name/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Create rules for orders_2028 anyway' })).toHaveAttribute(
      'href',
      '/rules/orders_2028?create=1',
    );
    unmount();
    window.history.replaceState(null, '', '/rules/orders_2028?create=1');
    show(cluster({ orders_2028: [] }), 'orders_2028', 'rules');
    expect(screen.getByRole('heading', { name: 'The rules view' })).toBeVisible();
    expect(screen.getByText(/No datasource named/)).toHaveTextContent('No datasource named orders_2028 yet.');
  });

  it('tells rules without segments apart: their editor stays, other views say there are no segments', () => {
    const client = cluster({ orders_2027: LOAD });
    const { unmount } = show(client, 'orders_2027', 'segments');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('orders_2027 has rules but no segments');
    expect(screen.getByRole('link', { name: 'Retention rules of orders_2027' })).toHaveAttribute(
      'href',
      '/rules/orders_2027',
    );
    unmount();
    show(client, 'orders_2027', 'rules');
    expect(screen.getByRole('heading', { name: 'The rules view' })).toBeVisible();
    expect(screen.getByText(/has rules but no segments/)).toBeVisible();
  });

  it('counts a served name as existing, and keeps a shown view when its datasource goes away', () => {
    const client = cluster({ realtime_only: [] }, ['realtime_only']);
    show(client, 'realtime_only', 'segments');
    expect(screen.getByRole('heading', { name: 'The segments view' })).toBeVisible();
    // Its last segments killed: the result of the kill stays on screen.
    act(() => client.setQueryData(druidKeys.usedTotals(), new Map()));
    expect(screen.getByRole('heading', { name: 'The segments view' })).toBeVisible();
  });

  it('shows the view while the names are still coming', () => {
    const client = cluster();
    client.removeQueries({ queryKey: druidKeys.dataSourceNamesWithUnused() });
    vi.spyOn(globalThis, 'fetch').mockReturnValue(new Promise(() => {}));
    show(client, 'wikipedia_huor', 'segments');
    expect(screen.getByRole('heading', { name: 'The segments view' })).toBeVisible();
  });
});
