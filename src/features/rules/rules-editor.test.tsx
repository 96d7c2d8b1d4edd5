import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setOperatorName } from '../../api/audit-author.ts';
import { readRuleList } from '../../api/rules.ts';
import { readDraft } from './rules-draft-storage.ts';
import { RulesEditor, type RulesEditorProps } from './rules-editor.tsx';

const SAVED = [
  { type: 'dropByInterval', interval: '2020-01-01T00:00:00.000Z/2022-02-01T00:00:00.000Z' },
  {
    type: 'loadByInterval',
    interval: '2010-01-01T00:00:00.000Z/2020-01-01T00:00:00.000Z',
    tieredReplicants: { _default_tier: 2 },
    useDefaultTierForNull: true,
  },
];

function renderEditor(props: Partial<RulesEditorProps> = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RulesEditor
        dataSource="social_media"
        saved={readRuleList(SAVED)}
        defaultRules={[{ type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true }]}
        tiers={['_default_tier', 'hot']}
        segments={{ data: undefined, isPending: false, error: null, refetch: () => {} }}
        restore={null}
        draft={null}
        {...props}
      />
    </QueryClientProvider>,
  );
}

function jsonResponse(body: unknown, status = 200) {
  return new Response(body === '' ? '' : JSON.stringify(body), {
    status,
    headers: body === '' ? {} : { 'content-type': 'application/json' },
  });
}

beforeEach(() => setOperatorName('Ada'));
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('RulesEditor', () => {
  it('shows the saved rules in the JSON tab exactly, and JSON edits flow back into the form', async () => {
    const user = userEvent.setup();
    renderEditor();
    expect(screen.getByLabelText('Type of rule 1')).toHaveValue('dropByInterval');
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const json = screen.getByLabelText('Rules as JSON');
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual(SAVED);
    expect((json as HTMLTextAreaElement).value).toBe(JSON.stringify(SAVED, null, 2));

    const edited = [{ type: 'loadByPeriod', period: 'P7D', includeFuture: false, tieredReplicants: { hot: 1 } }];
    fireEvent.change(json, { target: { value: JSON.stringify(edited) } });
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    expect(screen.getByLabelText('Type of rule 1')).toHaveValue('loadByPeriod');
    expect(screen.getByLabelText('Period', { exact: true })).toHaveValue('P7D');
    expect(screen.getByLabelText('Include future data')).not.toBeChecked();
    expect(screen.getByLabelText('Tier', { exact: true })).toHaveValue('hot');
    expect(screen.getByText('Unsaved edits', { exact: true })).toBeVisible();

    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    expect(JSON.parse((screen.getByLabelText('Rules as JSON') as HTMLTextAreaElement).value)).toEqual([
      { ...edited[0], useDefaultTierForNull: true },
    ]);
  });

  it('keeps unsaved edits as a draft in localStorage', async () => {
    const user = userEvent.setup();
    renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(readDraft('social_media')?.rules).toHaveLength(3));
    expect(readDraft('social_media')?.baseRules).toEqual(SAVED);
  });

  it('detects a change made elsewhere before posting and posts nothing', async () => {
    const user = userEvent.setup();
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => jsonResponse([{ type: 'dropForever' }]));
    renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await user.click(screen.getByRole('button', { name: 'Save…' }));
    const dialog = screen.getByRole('dialog', { name: 'Save the rules of social_media' });
    await user.type(within(dialog).getByLabelText('Comment (why)'), 'add a rule');
    await user.click(within(dialog).getByRole('button', { name: 'Save rules' }));
    expect(await within(dialog).findByText(/changed by someone else/)).toBeVisible();
    expect(within(dialog).getByRole('list', { name: 'Rules on the server now' })).toHaveTextContent('Drop');
    expect(fetchMock.mock.calls.every(([, init]) => (init?.method ?? 'GET') === 'GET')).toBe(true);
  });

  it('posts with the audit headers when nothing changed meanwhile, and keeps the form on failure', async () => {
    const user = userEvent.setup();
    const posts: RequestInit[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
      if (init?.method === 'POST') {
        posts.push(init);
        return jsonResponse({ error: 'metadata store unavailable' }, 500);
      }
      return jsonResponse(SAVED);
    });
    renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await user.click(screen.getByRole('button', { name: 'Save…' }));
    const dialog = screen.getByRole('dialog', { name: 'Save the rules of social_media' });
    expect(dialog).toHaveTextContent('Recorded as Ada');
    await user.type(within(dialog).getByLabelText('Comment (why)'), 'add a rule');
    await user.click(within(dialog).getByRole('button', { name: 'Save rules' }));
    expect(await within(dialog).findByText('metadata store unavailable')).toBeVisible();
    expect(posts).toHaveLength(1);
    const headers = posts[0]?.headers as Record<string, string>;
    expect(headers['X-Druid-Author']).toBe('Ada');
    expect(headers['X-Druid-Comment']).toBe('add a rule');
    expect(JSON.parse(String(posts[0]?.body))).toHaveLength(3);
    expect(screen.getAllByRole('region', { name: /^Rule \d$/ })).toHaveLength(3);
  });
});
