import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AuditCommentField, auditCommentProblem } from './audit-comment-field.tsx';

function Field(props: { error?: string; hint?: boolean }) {
  const [value, setValue] = useState('');
  return <AuditCommentField id="c" value={value} onChange={setValue} {...props} />;
}

describe('AuditCommentField', () => {
  it('describes the input by its hint and error, and marks it invalid', () => {
    render(<Field hint error="Say why." />);
    const input = screen.getByRole('textbox', { name: 'Comment (why)' });
    expect(input).toHaveAccessibleDescription(
      'Stored in Druid’s audit log with the change (X-Druid-Comment). Say why.',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('has no description while valid without a hint, and reports what is typed', async () => {
    const user = userEvent.setup();
    render(<Field />);
    const input = screen.getByRole('textbox', { name: 'Comment (why)' });
    expect(input).not.toHaveAttribute('aria-describedby');
    expect(input).not.toHaveAttribute('aria-invalid');
    await user.type(input, 'cold tier');
    expect(input).toHaveValue('cold tier');
  });
});

describe('auditCommentProblem', () => {
  it('asks for a comment when blank, refuses what a header cannot carry, accepts the rest', () => {
    expect(auditCommentProblem('  ', 'Say why.')).toBe('Say why.');
    expect(auditCommentProblem('ok\nnot', 'Say why.')).toMatch(/Line breaks/);
    expect(auditCommentProblem(' fine ', 'Say why.')).toBeUndefined();
  });
});
