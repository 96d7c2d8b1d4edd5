import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { AutoKillCell, UnusedCell } from './forecast-cells.tsx';
import { ForecastContext, type ForecastShared } from './forecast-context.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);

/** `total` one-day unused segments from 2024-01-01, unused since 2025-01-01, served by keyset pages. */
function stubUnused(total: number) {
  vi.stubGlobal('fetch', async (url: string) => {
    const params = new URL(url, 'http://localhost').searchParams;
    const limit = Number(params.get('limit'));
    const after = params.get('lastSegmentId');
    const from = after === null ? 0 : Number(after.split('|')[1]) + 1;
    const page = Array.from({ length: Math.max(0, Math.min(limit, total - from)) }, (_, i) => {
      const start = Date.UTC(2024, 0, 1) + (from + i) * DAY;
      const interval = `${new Date(start).toISOString()}/${new Date(start + DAY).toISOString()}`;
      return {
        dataSegment: { dataSource: 'ds', interval, version: 'v', size: 1, identifier: `s|${from + i}` },
        usedStatusLastUpdatedDate: '2025-01-01T00:00:00.000Z',
      };
    });
    return new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

const shared: ForecastShared = {
  plan: {
    on: true,
    periodMs: 3_600_000,
    durationToRetainMs: 90 * DAY,
    ignoreDurationToRetain: false,
    bufferPeriodMs: 30 * DAY,
    maxSegments: 100,
    whitelist: [],
    maxSlots: 1,
  },
  now: NOW,
  nextRunAt: NOW + 3_600_000,
  dwellMs: 0,
  competing: null,
  onProtect: null,
};

const renderRow = () =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ForecastContext.Provider value={shared}>
        <UnusedCell name="ds" />
        <AutoKillCell name="ds" />
      </ForecastContext.Provider>
    </QueryClientProvider>,
  );

afterEach(() => vi.unstubAllGlobals());

describe('a row of the unused-data list', () => {
  it('caps its first read, forecasts from it, and counts all on demand', async () => {
    stubUnused(500);
    renderRow();
    expect(await screen.findByText(/^200\+/)).toBeVisible();
    expect(
      screen.getByText(/100 on 2026-01-01 01:00 UTC \(of the first 200 by time\); all by 2026-01-01 02:00 UTC/),
    ).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Count all unused segments of ds' }));
    expect(await screen.findByText('500')).toBeVisible();
    // 500 segments at 100 a run: the last go four periods after the first.
    expect(screen.getByText(/^100 on 2026-01-01 01:00 UTC; all by 2026-01-01 05:00 UTC$/)).toBeVisible();
  });
});
