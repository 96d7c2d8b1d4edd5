import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Breadcrumb } from './breadcrumb.tsx';

describe('Breadcrumb', () => {
  it('is a navigation landmark with an ordered list: links up, then the current page as text', () => {
    render(<Breadcrumb items={[{ label: 'Datasources', href: '/segments' }, { label: 'wikipedia_hour' }]} />);
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    const items = within(within(nav).getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Datasources', 'wikipedia_hour']);
    expect(within(nav).getByRole('link', { name: 'Datasources' })).toHaveAttribute('href', '/segments');
    expect(within(nav).queryByRole('link', { name: 'wikipedia_hour' })).toBeNull();
    expect(within(nav).getByText('wikipedia_hour')).toHaveAttribute('aria-current', 'page');
  });

  it('never links the current page, even when given a link for it', () => {
    render(
      <Breadcrumb
        items={[
          { label: 'Rules', href: '/rules' },
          { label: 'Cluster defaults', href: '/rules/_default' },
        ]}
      />,
    );
    expect(screen.queryByRole('link', { name: 'Cluster defaults' })).toBeNull();
  });
});
