import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setOperatorName } from '../../api/audit-author.ts';
import { readRuleList } from '../../api/rules.ts';
import { RulesEditor } from './rules-editor.tsx';

const SAVED = [{ type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true }];
const THEIRS = [{ type: 'dropForever' }];

function renderEditor() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RulesEditor
        dataSource="wikipedia"
        saved={readRuleList(SAVED)}
        defaultRules={SAVED as never}
        tiers={['_default_tier']}
        segments={{ data: undefined, isPending: false, error: null, refetch: () => {} }}
        restore={null}
        draft={null}
      />
    </QueryClientProvider>,
  );
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Someone else's save: the rules now on the server, and Druid's audit entry of it (newest first with count=1). */
function serverChangedBy(history: () => Response) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://console');
    if (url.pathname.endsWith('/rules/wikipedia/history')) return history();
    return json(THEIRS);
  });
}

async function saveAndMeetConflict() {
  renderEditor();
  // fireEvent rather than userEvent: these clicks only need to happen, and the test stays well under the timeout.
  fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Save…' }));
  const dialog = screen.getByRole('dialog', { name: 'Save the rules of wikipedia' });
  fireEvent.change(within(dialog).getByLabelText('Comment (why)'), { target: { value: 'mine' } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Save rules' }));
  return within(dialog).findByRole('alert');
}

beforeEach(() => setOperatorName('Ada'));
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

// The whole editor renders and saves; on a loaded 2-core machine the first test of the file takes ~5 s.
const SLOW = 15_000;

describe('the rules conflict', () => {
  it(
    'says who changed the rules, when (24-hour UTC) and why, from the audit entry',
    async () => {
      const fetchMock = serverChangedBy(() =>
        json([
          {
            key: 'wikipedia',
            type: 'rules',
            auditInfo: { author: 'Grace', identity: 'grace', comment: 'keep nothing', ip: '10.0.0.7' },
            payload: JSON.stringify(THEIRS),
            auditTime: '2015-09-12T14:05:09.123Z',
          },
        ]),
      );
      const alert = await saveAndMeetConflict();
      expect(alert).toHaveTextContent('changed by someone else');
      expect(alert).toHaveTextContent('Grace changed them on 2015-09-12 14:05 UTC: “keep nothing”.');
      const asked = fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://console'));
      expect(asked.some((url) => url.pathname.endsWith('/history') && url.searchParams.get('count') === '1')).toBe(
        true,
      );
    },
    SLOW,
  );

  it(
    'still shows the conflict when the audit log cannot be read',
    async () => {
      serverChangedBy(() => json({ error: 'Unauthorized' }, 403));
      const alert = await saveAndMeetConflict();
      expect(alert).toHaveTextContent('changed by someone else');
      expect(alert).not.toHaveTextContent('changed them on');
    },
    SLOW,
  );
});
