import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ETERNITY } from '../../druid/interval.ts';
import { effectOf } from './mark-effect.ts';
import { PredicateDialog } from './predicate-dialog.tsx';
import { WIKI_START } from './test-records.ts';
import type { PredicateState } from './use-predicate-action.ts';

const HOUR = 3_600_000;
const segments = Array.from({ length: 3 }, (_, i) => ({
  id: `big_${i}`,
  start: WIKI_START + i * HOUR,
  end: WIKI_START + (i + 1) * HOUR,
  version: 'v1',
  size: null,
}));

type ConfirmState = Extract<PredicateState, { phase: 'confirm' }>;

function confirmState(whole: boolean, ids: string[] | null = segments.map((s) => s.id)): ConfirmState {
  return {
    phase: 'confirm',
    predicate: { action: 'markUnused', interval: ETERNITY, versions: null },
    count: { willChange: 3, overshadowed: 0 },
    effect: effectOf('markUnused', 'big', segments),
    ids,
    whole,
  };
}

describe('PredicateDialog', () => {
  it('states the effect, and asks for the name when the mark leaves no used segment', async () => {
    const user = userEvent.setup();
    const onRun = vi.fn();
    render(<PredicateDialog dataSource="big" state={confirmState(true)} onRun={onRun} onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Mark 3 segments of big unused?' })).toBeVisible();
    const confirm = screen.getByRole('button', {
      name: 'Mark 3 segments unused (2015-09-12 00:00–03:00, size unknown)',
    });
    expect(confirm).toBeDisabled();
    const typed = screen.getByRole('textbox', { name: 'Type big to confirm' });
    await user.type(typed, 'bi');
    expect(confirm).toBeDisabled();
    await user.type(typed, 'g{Enter}');
    expect(confirm).toBeEnabled();
    expect(onRun).toHaveBeenCalledOnce();
  });

  it('asks nothing more when some used segment stays, and says when there is no Undo', async () => {
    const user = userEvent.setup();
    const onRun = vi.fn();
    render(<PredicateDialog dataSource="big" state={confirmState(false, null)} onRun={onRun} onClose={() => {}} />);
    expect(screen.queryByRole('textbox', { name: /to confirm/ })).toBeNull();
    expect(screen.getByText(/No Undo: more than 100,000 segments/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: /^Mark 3 segments unused/ }));
    expect(onRun).toHaveBeenCalledOnce();
  });

  it('titles the result by what happened, never "Done" when Druid refused', () => {
    const { phase: _, ...counted } = confirmState(false);
    const { rerender } = render(
      <PredicateDialog
        dataSource="big"
        state={{ ...counted, phase: 'done', changed: 1, error: null }}
        onRun={() => {}}
        onClose={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Marked 1 segment unused' })).toBeVisible();
    rerender(
      <PredicateDialog
        dataSource="big"
        state={{ ...counted, phase: 'done', changed: 0, error: new Error('metadata store unavailable') }}
        onRun={() => {}}
        onClose={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Failed: no segment changed' })).toBeVisible();
    expect(screen.getByText(/metadata store unavailable/)).toBeVisible();
  });
});
