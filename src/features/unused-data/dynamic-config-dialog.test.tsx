import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setOperatorName } from '../../api/audit-author.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { DynamicConfigDialog } from './dynamic-config-dialog.tsx';

const CURRENT = { killDataSourceWhitelist: [], killTaskSlotRatio: 0.1, maxKillTaskSlots: 2_147_483_647 };

interface Sent {
  url: string;
  method: string;
  body: unknown;
  headers: Record<string, string>;
}

function stubDruid(answer: () => Response): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({
      url,
      method: init.method ?? 'GET',
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      headers: init.headers as Record<string, string>,
    });
    return answer();
  });
  return sent;
}

function renderDialog() {
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <DynamicConfigDialog open onClose={onClose} current={CURRENT} />
    </QueryClientProvider>,
  );
  return { onClose, dialog: screen.getByRole('dialog', { name: 'Edit kill settings' }) };
}

beforeEach(() => setOperatorName(null));
afterEach(() => vi.unstubAllGlobals());

describe('DynamicConfigDialog', () => {
  it('shows the exact diff and asks for a comment and a name before sending anything', async () => {
    const user = userEvent.setup();
    const sent = stubDruid(() => new Response(null, { status: 200 }));
    const { dialog } = renderDialog();
    const save = within(dialog).getByRole('button', { name: 'Save kill settings' });
    expect(save).toBeDisabled();
    const ratio = within(dialog).getByRole('textbox', { name: 'killTaskSlotRatio' });
    await user.clear(ratio);
    await user.type(ratio, '0.5');
    const diff = within(dialog).getByRole('list', { name: 'Changes to save' });
    expect(diff).toHaveTextContent('killTaskSlotRatio: was 0.1 → now 0.5');
    expect(within(diff).getAllByRole('listitem')).toHaveLength(1);
    await user.click(save);
    expect(within(dialog).getByText('Say why you are changing the kill settings.')).toBeVisible();
    expect(within(dialog).getByText('Enter your name.')).toBeVisible();
    expect(sent).toHaveLength(0);
  });

  it('posts only the changed field, with the author and comment headers', async () => {
    const user = userEvent.setup();
    setOperatorName('Ada');
    const sent = stubDruid(() => new Response(null, { status: 200 }));
    const { dialog, onClose } = renderDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'maxKillTaskSlots' }), '3');
    await user.type(within(dialog).getByRole('textbox', { name: 'Comment (why)' }), 'cap');
    await user.click(within(dialog).getByRole('button', { name: 'Save kill settings' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      url: '/druid/coordinator/v1/config',
      method: 'POST',
      body: { maxKillTaskSlots: 3 },
      headers: expect.objectContaining({ 'X-Druid-Author': 'Ada', 'X-Druid-Comment': 'cap' }),
    });
  });

  it('shows the message of a POST Druid refuses and stays open', async () => {
    const user = userEvent.setup();
    setOperatorName('Ada');
    stubDruid(
      () =>
        new Response(JSON.stringify({ error: 'maxKillTaskSlots [-1] is invalid. It must be >= 0.' }), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const { dialog, onClose } = renderDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'maxKillTaskSlots' }), '-1');
    await user.type(within(dialog).getByRole('textbox', { name: 'Comment (why)' }), 'try');
    await user.click(within(dialog).getByRole('button', { name: 'Save kill settings' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Druid refused the change; nothing was saved');
    expect(alert).toHaveTextContent('maxKillTaskSlots [-1] is invalid. It must be >= 0.');
    expect(onClose).not.toHaveBeenCalled();
  });
});
