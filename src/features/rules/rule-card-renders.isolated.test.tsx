import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readRuleList } from '../../api/rules.ts';
import type { IntervalPickerProps } from '../../components/interval-picker/interval-picker.tsx';
import { RulesEditor } from './rules-editor.tsx';

/** The value of every interval picker rendered, in order: which cards re-rendered. */
const pickerRenders: string[] = [];

vi.mock('../../components/interval-picker/interval-picker.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../components/interval-picker/interval-picker.tsx')>();
  return {
    ...original,
    IntervalPicker: (props: IntervalPickerProps) => {
      pickerRenders.push(props.value);
      return original.IntervalPicker(props);
    },
  };
});

// Rules with interval pickers (the heaviest field) and others.
const SAVED = [
  ...Array.from({ length: 4 }, (_, i) => ({
    type: 'dropByInterval',
    interval: `${2000 + i}-01-01T00:00:00.000Z/${2000 + i}-07-01T00:00:00.000Z`,
  })),
  ...Array.from({ length: 2 }, (_, i) => ({ type: 'loadByPeriod', period: `P${i + 1}D`, includeFuture: true })),
  { type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true },
];

function renderEditor() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RulesEditor
        dataSource="wikipedia"
        saved={readRuleList(SAVED)}
        defaultRules={[{ type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true }]}
        tiers={['_default_tier']}
        segments={{ data: undefined, isPending: false, error: null, refetch: () => {} }}
        restore={null}
        draft={null}
      />
    </QueryClientProvider>,
  );
}

// Label and text queries: role queries over many cards are slow in jsdom.
function cardOf(position: number): HTMLElement {
  return screen.getByLabelText(`Type of rule ${position}`).closest('section') as HTMLElement;
}

afterEach(() => {
  pickerRenders.length = 0;
  localStorage.clear();
});

// Seven cards with interval pickers in jsdom: ~1 s on an idle machine, over 5 s (Vitest's default) on a loaded one.
describe('rule cards', { timeout: 20_000 }, () => {
  it('adding a rule re-renders none of the other cards, and the last card’s menu follows', async () => {
    renderEditor();
    expect(pickerRenders.length).toBeGreaterThanOrEqual(4);
    pickerRenders.length = 0;
    fireEvent.click(screen.getByText('Add rule'));
    expect(await screen.findByLabelText('Type of rule 8')).toHaveValue('loadForever');
    expect(await screen.findByText('Unsaved edits', { exact: true })).toBeVisible();
    expect(pickerRenders).toEqual([]);

    for (const [rule, enabled] of [
      [7, true],
      [8, false],
    ] as const) {
      const card = cardOf(rule);
      fireEvent.click(within(card).getByText('Actions', { exact: false }));
      expect(within(card).getByText('Move down')).toHaveProperty('disabled', !enabled);
    }
  });

  it('typing in one card re-renders that card only, and its value reaches the form', async () => {
    renderEditor();
    pickerRenders.length = 0;
    const card = cardOf(3);
    fireEvent.change(within(card).getByLabelText('Interval'), { target: { value: '1999-01-01/2000-01-01' } });
    expect(await screen.findByText('Unsaved edits', { exact: true })).toBeVisible();
    expect(pickerRenders.length).toBeGreaterThan(0);
    expect(new Set(pickerRenders)).toEqual(new Set(['1999-01-01/2000-01-01']));
    fireEvent.click(screen.getByText('JSON'));
    const json = JSON.parse((screen.getByLabelText('Rules as JSON') as HTMLTextAreaElement).value);
    expect(json[2]).toEqual({
      type: 'dropByInterval',
      interval: '1999-01-01T00:00:00.000Z/2000-01-01T00:00:00.000Z',
    });
  });
});
