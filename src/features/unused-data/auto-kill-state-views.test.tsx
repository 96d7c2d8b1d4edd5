import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { AutoKillSettingsCard } from './auto-kill-settings-card.tsx';
import { KillHistoryTable } from './kill-history-table.tsx';
import { useAutoKillState } from './use-auto-kill-state.ts';

type Answers = Record<string, { status: number; body: unknown }>;

function stubDruid(answers: Answers) {
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url, 'http://localhost').pathname;
    const answer = answers[path] ?? { status: 404, body: 'Not Found' };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
}

function Views() {
  const state = useAutoKillState();
  return (
    <>
      <AutoKillSettingsCard state={state} />
      <KillHistoryTable state={state} />
    </>
  );
}

const renderViews = () =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <Views />
    </QueryClientProvider>,
  );

const CONFIG = { killDataSourceWhitelist: [], killTaskSlotRatio: 0.2, maxKillTaskSlots: 2_147_483_647 };
const FORBIDDEN = { status: 403, body: { error: 'Unauthorized' } };

afterEach(() => vi.unstubAllGlobals());

describe('auto-kill settings and kill history', () => {
  it('says the static settings are unknown on a 403 and still shows the dynamic ones and the slots', async () => {
    stubDruid({
      '/proxy/coordinator/status/properties': FORBIDDEN,
      '/druid/coordinator/v1/config': { status: 200, body: CONFIG },
      '/druid/indexer/v1/totalWorkerCapacity': { status: 200, body: { currentClusterCapacity: 10 } },
      '/druid/indexer/v1/tasks': { status: 200, body: [] },
    });
    renderViews();
    const settings = screen.getByRole('region', { name: 'Auto-kill settings' });
    expect(await within(settings).findByRole('alert')).toHaveTextContent(
      'Static settings unknown. Reading the Coordinator’s properties needs CONFIG read permission',
    );
    expect(await within(settings).findByText('2 of 10 task slots')).toBeVisible();
    expect(within(settings).getByText('(empty: every datasource)')).toBeVisible();
  });

  it('shows fields an older release lacks as missing, not as defaults', async () => {
    stubDruid({
      '/proxy/coordinator/status/properties': { status: 200, body: { 'druid.coordinator.kill.on': 'true' } },
      '/druid/coordinator/v1/config': { status: 200, body: { killDataSourceWhitelist: 'wiki' } },
      '/druid/indexer/v1/totalWorkerCapacity': FORBIDDEN,
      '/druid/indexer/v1/tasks': { status: 200, body: [] },
    });
    renderViews();
    const settings = screen.getByRole('region', { name: 'Auto-kill settings' });
    expect(await within(settings).findAllByText('not in this Druid release')).toHaveLength(2);
    expect(within(settings).getByText(/^unknown/)).toBeVisible();
  });

  it('lists manual and automatic kills with status, interval, a dry-run link and a failed one’s error', async () => {
    stubDruid({
      '/druid/indexer/v1/tasks': {
        status: 200,
        body: [
          {
            id: 'coordinator-issued_kill_wiki_abcdefgh_2024-01-01T00:00:00.000Z_2024-01-03T00:00:00.000Z_2026-11-26T10:00:00.000Z',
            type: 'kill',
            dataSource: 'wiki',
            createdTime: '2026-11-26T10:00:00.000Z',
            statusCode: 'FAILED',
            duration: 1200,
            errorMsg: 'Deep storage refused the delete',
          },
        ],
      },
    });
    renderViews();
    const history = screen.getByRole('region', { name: 'Kill history' });
    const row = (await within(history).findByText('Auto-kill')).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('FAILED');
    expect(row).toHaveTextContent('Deep storage refused the delete');
    expect(row).toHaveTextContent('2024-01-01T00:00:00.000Z/2024-01-03T00:00:00.000Z');
    expect(within(row).getByRole('link', { name: /^Dry run of/ })).toHaveAttribute(
      'href',
      '/kill/wiki?interval=2024-01-01T00%3A00%3A00.000Z%2F2024-01-03T00%3A00%3A00.000Z',
    );
  });
});
