import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { recordObservation, resetTrackedChanges, trackRuleChange, useTrackedChanges } from './convergence-store.ts';
import { RuleChangeConvergence } from './rule-change-convergence.tsx';

const SAVED = 1_000_000;
afterEach(() => act(() => resetTrackedChanges()));

function ChangeCount() {
  return <output aria-label="tracked">{useTrackedChanges().length}</output>;
}

describe('RuleChangeConvergence', () => {
  it('shows per tier what is left, then the time it took, kept in sessionStorage; Dismiss forgets it', () => {
    act(() => trackRuleChange('wiki', '1 rule saved', SAVED));
    render(
      <>
        <RuleChangeConvergence dataSource="wiki" />
        <ChangeCount />
      </>,
    );
    const region = screen.getByRole('region', { name: 'Applying the saved rules' });
    expect(within(region).getByRole('status')).toHaveTextContent(/^Waiting for the Coordinator/);

    const id = `wiki@${SAVED}`;
    act(() => recordObservation(id, { at: SAVED + 2000, toLoad: { hot: 24 }, toDrop: { _default_tier: 48 } }, 60_000));
    expect(within(region).getByRole('status')).toHaveTextContent('Applying: 24 to load, 48 to drop.');
    expect(within(region).getByRole('row', { name: /^hot/ })).toHaveTextContent('hot24000');
    expect(JSON.parse(sessionStorage.getItem('druid-console.converging-rule-changes') ?? '[]')).toHaveLength(1);

    act(() => recordObservation(id, { at: SAVED + 9000, toLoad: { hot: 0 }, toDrop: { _default_tier: 0 } }, 60_000));
    expect(within(region).getByRole('status')).toHaveTextContent('Applied in 9.0 s: nothing left to load or drop.');
    expect(within(region).getByRole('progressbar', { name: 'Progress on hot' })).toHaveAttribute('value', '1');
    fireEvent.click(within(region).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Applying the saved rules' })).toBeNull();
    expect(screen.getByRole('status', { name: 'tracked' })).toHaveTextContent('0');
  });

  it('shows nothing for a datasource whose rules were not saved here', () => {
    act(() => trackRuleChange('other', '2 rules saved', SAVED));
    render(<RuleChangeConvergence dataSource="wiki" />);
    expect(screen.queryByRole('region')).toBeNull();
  });
});
