import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SegmentFilterBar } from './segment-filter-bar.tsx';
import { EMPTY_FILTERS, type SegmentFilters } from './segment-filters.ts';

function Harness() {
  const [filters, setFilters] = useState<SegmentFilters>(EMPTY_FILTERS);
  return (
    <SegmentFilterBar
      filters={filters}
      onChange={(change) => setFilters((current) => ({ ...current, ...change }))}
      versions={[]}
      presets={[]}
    />
  );
}

// Issue 16, defect 5: the hint says "leave empty for all time", so an empty filter is valid, touched or not.
describe('the segments interval filter', () => {
  it('stays valid when tabbed past empty', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('textbox', { name: 'Interval filter' });
    await user.click(input);
    await user.tab();
    expect(input).not.toHaveFocus();
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByText(/Enter an interval/)).toBeNull();
  });

  it('still explains text that is not an interval', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('textbox', { name: 'Interval filter' });
    await user.type(input, '2015-09-13/2015-09-12');
    await user.tab();
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });
});
