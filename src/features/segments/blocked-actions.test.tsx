import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { filtersNotApplied } from './filter-segments.ts';
import { FilterSelectionBar } from './filter-selection-bar.tsx';
import { SegmentCounts } from './segment-counts.tsx';
import { EMPTY_FILTERS } from './segment-filters.ts';
import { SelectionBar } from './selection-bar.tsx';
import { wikipediaHour } from './test-records.ts';

const records = wikipediaHour();
const byId = new Map(records.map((r) => [r.id, r]));
const broken = filtersNotApplied({ ...EMPTY_FILTERS, interval: '2015-09-12/nonsense' });
const noop = () => undefined;

describe('an interval filter that does not parse', () => {
  it('is reported as not applied; an empty or valid one is not', () => {
    expect(broken).toMatch(/^Interval filter not applied: /);
    expect(filtersNotApplied({ ...EMPTY_FILTERS, interval: ' ' })).toBeNull();
    expect(filtersNotApplied({ ...EMPTY_FILTERS, interval: '2015-09-12/P1D' })).toBeNull();
  });

  it('turns off marking a selection made before it broke, saying why', () => {
    const ids = new Set(records.slice(0, 4).map((r) => r.id));
    const summary = { total: 4, byState: { used: 4, overshadowed: 0, unused: 0 }, missing: 0, hidden: 0 };
    const props = { dataSource: 'wb1', summary, selectedIds: ids, byId, onMarkUsed: noop, onMarkUnused: noop };
    const { rerender } = render(<SelectionBar {...props} onClear={noop} blockedReason={null} />);
    expect(screen.getByRole('button', { name: 'Mark unused…' })).toBeEnabled();
    rerender(<SelectionBar {...props} onClear={noop} blockedReason={broken} />);
    expect(screen.getByRole('button', { name: 'Mark unused…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Mark used…' })).toBeDisabled();
    expect(screen.getByText(/Fix or clear the interval filter to mark segments/)).toHaveTextContent(broken ?? '');
    // Reading the selection stays possible.
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });

  it('turns off marking "all matching in the datasource" held from earlier filters (windowed mode)', () => {
    const held = { ...EMPTY_FILTERS, interval: '2015-09-12/P1D', match: 'contained' as const };
    const { rerender } = render(
      <FilterSelectionBar dataSource="wb2" filters={held} onMark={noop} onClear={noop} blockedReason={null} />,
    );
    expect(screen.getByRole('button', { name: 'Mark unused…' })).toBeEnabled();
    rerender(
      <FilterSelectionBar dataSource="wb2" filters={held} onMark={noop} onClear={noop} blockedReason={broken} />,
    );
    expect(screen.getByRole('button', { name: 'Mark unused…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Mark used…' })).toBeDisabled();
  });
});

describe('SegmentCounts', () => {
  const counts = { stale: false, notApplied: null, noteId: 'note' };
  it('marks figures still loading as "so far", and never says 0 while loading', () => {
    const { rerender } = render(<SegmentCounts shown={0} total={0} complete={false} {...counts} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading segments…');
    rerender(<SegmentCounts shown={1204} total={1204} complete={false} {...counts} />);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1,204 of 1,204 segments so far');
    rerender(<SegmentCounts shown={4} total={24} complete {...counts} />);
    expect(screen.getByRole('status')).toHaveTextContent(/^Showing 4 of 24 segments$/);
  });

  it('says the interval filter is not applied', () => {
    render(<SegmentCounts shown={24} total={24} complete {...counts} notApplied={broken} />);
    expect(screen.getByRole('status')).toHaveTextContent(`Showing 24 of 24 segments · ${broken}`);
  });
});
