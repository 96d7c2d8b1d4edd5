import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { Toaster } from 'sonner';
import { describe, expect, it } from 'vitest';
import type { ChunkRecoveryEnvironment } from './chunk-recovery.ts';
import { lazyPage } from './lazy-page.ts';
import { useLazyPart } from './use-lazy-part.ts';

/** A console server that does not answer: a failed chunk is reported at once. */
const serverDown: ChunkRecoveryEnvironment = {
  runningBuild: () => 'a',
  deployedBuild: () => Promise.reject(new TypeError('Failed to fetch')),
  refetchFailedStylesheets: async () => undefined,
  storage: { getItem: () => null, setItem: () => undefined },
  reload: () => undefined,
};

const Panel = ({ label }: { label: string }) => <p>{label}</p>;

function Harness({ part: Part }: { part: ReturnType<typeof lazyPage<{ label: string }>> }) {
  const [open, setOpen] = useState(false);
  const loaded = useLazyPart(Part, 'The panel', open, () => setOpen(false));
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {loaded && <Part label={open ? 'open' : 'closed'} />}
    </>
  );
}

describe('useLazyPart', () => {
  it('loads nothing until wanted, then renders the part', async () => {
    let loads = 0;
    const part = lazyPage(async () => {
      loads++;
      return Panel;
    });
    render(<Harness part={part} />);
    await act(async () => undefined);
    expect(loads).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText('open')).toBeInTheDocument();
    expect(loads).toBe(1);
  });

  it('says a failed chunk in a toast, un-wants the part, and loads again when wanted again', async () => {
    let attempts = 0;
    const part = lazyPage(async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return Panel;
    }, serverDown);
    render(
      <>
        <Harness part={part} />
        <Toaster />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText('The panel could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('Could not reach the console server')).toBeInTheDocument();
    expect(screen.queryByText('open')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText('open')).toBeInTheDocument();
    expect(attempts).toBe(2);
  });
});
