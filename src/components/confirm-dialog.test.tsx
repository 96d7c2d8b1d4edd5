import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './confirm-dialog.tsx';

function renderDialog(props: Partial<Parameters<typeof ConfirmDialog>[0]> = {}) {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmDialog
      open
      title="Mark all segments unused?"
      confirmLabel="Mark 24 segments unused"
      onConfirm={onConfirm}
      onCancel={onCancel}
      {...props}
    >
      <p>24 used segments stop being served.</p>
    </ConfirmDialog>,
  );
  return { onConfirm, onCancel };
}

describe('ConfirmDialog', () => {
  it('states the effect and confirms', async () => {
    const user = userEvent.setup();
    const { onConfirm } = renderDialog();
    expect(screen.getByRole('dialog', { name: 'Mark all segments unused?' })).toBeVisible();
    expect(screen.getByText('24 used segments stop being served.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Mark 24 segments unused' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('enables a typed confirmation only on the exact text', async () => {
    const user = userEvent.setup();
    const { onConfirm } = renderDialog({ typedConfirmation: 'données_ventes_été', destructive: true });
    const confirm = screen.getByRole('button', { name: 'Mark 24 segments unused' });
    const input = screen.getByLabelText(/Type données_ventes_été to confirm/);
    expect(input).toHaveFocus();
    expect(confirm).toBeDisabled();
    await user.type(input, 'DONNÉES_ventes_été');
    expect(confirm).toBeDisabled();
    await user.clear(input);
    await user.type(input, 'données_ventes_été{Enter}');
    expect(confirm).toBeEnabled();
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('starts a destructive dialog on Cancel and cancels with it', async () => {
    const user = userEvent.setup();
    const { onCancel, onConfirm } = renderDialog({ destructive: true });
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('does not confirm on Enter in other fields of the body', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog open title="Mark by interval" confirmLabel="Mark" onConfirm={onConfirm} onCancel={() => {}}>
        <label>
          Year <input />
        </label>
      </ConfirmDialog>,
    );
    await user.type(screen.getByLabelText('Year'), '2019{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('locks its buttons while pending and shows a failure', () => {
    renderDialog({ pending: true, error: new Error('Druid said no.') });
    expect(screen.getByRole('button', { name: 'Mark 24 segments unused…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(screen.getByRole('alert')).toHaveTextContent('Druid said no.');
  });
});
