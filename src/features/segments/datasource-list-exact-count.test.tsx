import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { ExactCountControl } from './datasource-list-exact-count.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('ExactCountControl', () => {
  it('says it is counting, never "0", before the first page is in', async () => {
    vi.stubGlobal('fetch', () => new Promise(() => undefined));
    render(
      <QueryClientProvider client={createQueryClient()}>
        <ExactCountControl dataSource="big" />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Count the unused segments of big exactly' }));
    expect(await screen.findByRole('status')).toHaveTextContent('100+ · counting…');
    expect(screen.getByRole('status')).not.toHaveTextContent(/\b0\b/);
  });
});
