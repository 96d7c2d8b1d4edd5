import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataSourceActions } from './datasource-actions.tsx';

// The menu is a closed popover here (jsdom does not open popovers): its items are queried as hidden ones.
describe('DataSourceActions', () => {
  it('offers Kill while unused segments exist or are still being counted', () => {
    const { rerender } = render(<DataSourceActions dataSource="wiki" unusedCount={3} />);
    expect(screen.getByRole('link', { name: 'Kill unused segments…', hidden: true })).toHaveAttribute(
      'href',
      '/kill/wiki',
    );
    rerender(<DataSourceActions dataSource="wiki" unusedCount={null} />);
    expect(screen.getByRole('link', { name: 'Kill unused segments…', hidden: true })).toBeInTheDocument();
  });

  it('turns Kill off, saying why, when the datasource has no unused segments', () => {
    render(<DataSourceActions dataSource="wiki" unusedCount={0} />);
    expect(screen.queryByRole('link', { name: 'Kill unused segments…', hidden: true })).toBeNull();
    const kill = screen.getByRole('button', { name: 'Kill unused segments…', hidden: true });
    expect(kill).toBeDisabled();
    expect(kill).toHaveAccessibleDescription('No unused segments to kill');
  });
});
