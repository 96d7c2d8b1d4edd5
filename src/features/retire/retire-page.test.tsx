import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { writeRetireNote } from './retire-note.ts';
import { RetirePage } from './retire-page.tsx';

const DS = 'kttm1';
const UNUSED = {
  dataSegment: {
    dataSource: DS,
    interval: '2019-08-25T00:00:00.000Z/2019-08-26T00:00:00.000Z',
    version: 'v1',
    size: 1000,
  },
  used: false,
};

/** Druid after someone restored kttm1's rules: nothing used or served, unused segments left, one rule of its own. */
function stubDruid(rules: unknown[]): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: string) => {
    const url = new URL(input, 'http://console');
    asked.push(`${url.pathname}${url.search}`);
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    if (url.pathname === '/druid/coordinator/v1/metadata/datasources')
      return json(url.searchParams.has('includeUnused') ? [DS] : []);
    if (url.pathname === '/druid/coordinator/v1/datasources') return json([]);
    if (url.pathname.endsWith(`/${DS}/intervals`)) return new Response(null, { status: 204 });
    if (url.pathname.endsWith(`/rules/${DS}`)) return json(rules);
    if (url.pathname.endsWith('/unusedSegments')) return json([UNUSED]);
    return new Response('{"error":"unexpected"}', { status: 404 });
  });
  return asked;
}

function renderPage() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RetirePage dataSource={DS} />
    </QueryClientProvider>,
  );
}

const status = (title: string) =>
  screen.getByRole('region', { name: title }).querySelector('.retire-status')?.textContent;

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('RetirePage', () => {
  it('resumes where Druid stands, naming a step someone undid since this browser did it', async () => {
    writeRetireNote(DS, { startedAt: Date.UTC(2026, 0, 2), done: ['rules', 'mark'], killTaskIds: [] });
    const asked = stubDruid([{ type: 'loadForever', tieredReplicants: { _default_tier: 2 } }]);
    renderPage();
    expect(await screen.findByText(/You started retiring kttm1 on 2026-01-02/)).toBeVisible();
    expect(screen.getByRole('note')).toHaveTextContent(
      'Changed since you did it: the rules are no longer the defaults',
    );
    expect(status('1. Rules: back to the defaults')).toBe('Next');
    expect(status('2. Mark every segment unused')).toBe('Done');
    expect(status('3. Kill every unused segment')).toBe('Later');
    expect(screen.getByRole('button', { name: 'Set kttm1 to the default rules…' })).toBeEnabled();
    // Bounded requests only: one unused segment asked for, no listing of used IDs (the metadata store has none).
    expect(asked.filter((path) => path.includes('unusedSegments'))).toEqual([
      '/druid/coordinator/v1/metadata/datasources/kttm1/unusedSegments?limit=1&sortOrder=ASC',
    ]);
    expect(asked.some((path) => path.endsWith('/segments'))).toBe(false);
  });

  it('says a name Druid does not know has nothing to retire, and offers no step', async () => {
    vi.stubGlobal('fetch', async (input: string) => {
      const url = new URL(input, 'http://console');
      const empty = url.pathname.endsWith('/intervals') ? null : '[]';
      return new Response(empty, { status: empty ? 200 : 204, headers: { 'content-type': 'application/json' } });
    });
    renderPage();
    expect(await screen.findByText(/nothing in the metadata store, nothing served, no rules of its own/)).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
