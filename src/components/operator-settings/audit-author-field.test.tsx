import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getOperatorName, setOperatorName } from '../../api/audit-author.ts';
import { setCredentials } from '../../api/credentials.ts';
import { FieldError } from '../field-error.tsx';
import { useFocusFirstInvalid } from '../use-focus-first-invalid.ts';
import { AuditAuthorField } from './audit-author-field.tsx';
import { useAuditAuthorField } from './use-audit-author-field.ts';

/** A dialog form like the rules save dialog: a required comment, then the author. */
function AuditedForm({ open, onSave }: { open: boolean; onSave: (author: string, comment: string) => void }) {
  const author = useAuditAuthorField(open);
  const invalid = useFocusFirstInvalid();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ comment?: string; name?: string }>({});
  if (!open) return null;
  return (
    <form
      ref={invalid.ref}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const next = { comment: comment.trim() ? undefined : 'Say why.', name: author.problem() ?? undefined };
        setErrors(next);
        if (next.comment || next.name) return invalid.focusFirstInvalid();
        onSave(author.commit(), comment);
      }}
    >
      <label htmlFor="comment">Comment</label>
      <input
        id="comment"
        value={comment}
        aria-invalid={errors.comment ? true : undefined}
        onChange={(event) => setComment(event.target.value)}
      />
      <FieldError id="comment-error" error={errors.comment} />
      <AuditAuthorField field={author} id="name" error={errors.name} />
      <button type="submit">Save</button>
    </form>
  );
}

afterEach(() => {
  setOperatorName(null);
  setCredentials(null);
});

describe('AuditAuthorField', () => {
  it('asks the name once, focusing the first invalid field on submit, then only shows it', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    const { rerender } = render(<AuditedForm open onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Comment')).toHaveFocus();
    await user.type(screen.getByLabelText('Comment'), 'keep a month');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Your name')).toHaveFocus();
    expect(screen.getByText('Enter your name.')).toBeVisible();
    await user.type(screen.getByLabelText('Your name'), ' Ada {Enter}');
    expect(onSave).toHaveBeenCalledWith('Ada', 'keep a month');
    expect(getOperatorName()).toBe('Ada');

    // The next dialog does not ask again.
    rerender(<AuditedForm open={false} onSave={onSave} />);
    rerender(<AuditedForm open onSave={onSave} />);
    expect(screen.queryByLabelText('Your name')).toBeNull();
    expect(screen.getByText(/Recorded as/)).toHaveTextContent('Recorded as Ada · Change');
  });

  it('changes a remembered name in place, refusing an empty one', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    setOperatorName('Ada');
    render(<AuditedForm open onSave={onSave} />);
    await user.type(screen.getByLabelText('Comment'), 'keep a month');
    await user.click(screen.getByRole('button', { name: 'Change name' }));
    expect(screen.getByLabelText('Your name')).toHaveValue('Ada');
    expect(screen.getByLabelText('Your name')).toHaveFocus();
    await user.clear(screen.getByLabelText('Your name'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Your name')).toHaveFocus();
    await user.type(screen.getByLabelText('Your name'), 'Grace{Enter}');
    expect(onSave).toHaveBeenLastCalledWith('Grace', 'keep a month');
    expect(getOperatorName()).toBe('Grace');
    expect(screen.getByText(/Recorded as/)).toHaveTextContent('Recorded as Grace · Change');
  });

  it('records the signed-in Druid user and asks nothing', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    setCredentials({ username: 'wiki_editor', password: 'wiki' });
    render(<AuditedForm open onSave={onSave} />);
    expect(screen.getByText(/Recorded as/)).toHaveTextContent('Recorded as wiki_editor (the signed-in Druid user).');
    expect(screen.queryByRole('button', { name: 'Change name' })).toBeNull();
    await user.type(screen.getByLabelText('Comment'), 'why{Enter}');
    expect(onSave).toHaveBeenCalledWith('wiki_editor', 'why');
    expect(getOperatorName()).toBeNull();
  });
});
