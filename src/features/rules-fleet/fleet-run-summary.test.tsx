import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reportFleetRun } from './fleet-run.ts';
import { FleetRunSummary } from './fleet-run-summary.tsx';

describe('FleetRunSummary', () => {
  it('counts every line, names each failure with Druid’s message and lists at most 20 names a line', () => {
    const saved = Array.from({ length: 10_000 }, (_, i) => `fleet_${i}`);
    const report = reportFleetRun(
      { saved, failed: [{ name: 'wiki', error: 'metadata store busy' }], notSent: [], cancelled: false },
      ['same'],
      [],
    );
    render(<FleetRunSummary report={report} />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Partly failed: 10,000 datasources saved, 1 datasource failed',
    );
    const summary = screen.getByRole('list', { name: 'Summary' });
    expect(summary).toHaveTextContent('Saved: 10,000');
    expect(summary).toHaveTextContent('and 9,980 more');
    expect(summary).toHaveTextContent('Unchanged, not sent: 1');
    expect(summary).toHaveTextContent('wiki — metadata store busy');
    expect(within(summary).getAllByRole('listitem').length).toBeLessThan(40);
  });
});
