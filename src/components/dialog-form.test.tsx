import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DialogForm, DialogSubmitFooter } from './dialog-form.tsx';

function renderForm(props: Partial<Parameters<typeof DialogSubmitFooter>[0]> = {}) {
  const onSubmit = vi.fn();
  const onCancel = vi.fn();
  render(
    <>
      <DialogForm id="f" onSubmit={onSubmit}>
        <input aria-label="Name" required />
      </DialogForm>
      <DialogSubmitFooter formId="f" label="Save rules" onCancel={onCancel} {...props} />
    </>,
  );
  return { onSubmit, onCancel };
}

describe('DialogForm and DialogSubmitFooter', () => {
  it('submits the form from the footer, leaving validation to the console', async () => {
    const user = userEvent.setup();
    const { onSubmit, onCancel } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(onSubmit).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('holds both buttons while pending and says so', () => {
    renderForm({ pending: true });
    const submit = screen.getByRole('button', { name: 'Saving…' });
    expect(submit).toBeDisabled();
    expect(submit).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  });

  it('marks a destructive submit and keeps a disabled one disabled', () => {
    renderForm({ danger: true, disabled: true });
    const submit = screen.getByRole('button', { name: 'Save rules' });
    expect(submit).toHaveClass('danger');
    expect(submit).toBeDisabled();
  });
});
