import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { IntervalPicker, type IntervalPickerProps } from './interval-picker.tsx';

const NOW = Date.UTC(2024, 2, 15, 10, 30);

function Harness(props: Partial<IntervalPickerProps> & { initial?: string }) {
  const [value, setValue] = useState(props.initial ?? '');
  return (
    <>
      <IntervalPicker label="Interval" now={NOW} {...props} value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </>
  );
}

const valueText = () => screen.getByTestId('value').textContent;
const openButton = () => screen.getByRole('button', { name: 'Interval: calendar and presets' });

async function openPopover(user: ReturnType<typeof userEvent.setup>) {
  await user.click(openButton());
  return screen.getByRole('dialog', { name: 'Interval: calendar and presets' });
}

function selectedDays(): string[] {
  return screen
    .getAllByRole('gridcell')
    .filter((cell) => cell.getAttribute('aria-selected') === 'true')
    .map((cell) => cell.textContent ?? '');
}

describe('IntervalPicker', () => {
  it('shows the canonical form of what is typed, and errors in plain words', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('textbox', { name: 'Interval' });
    await user.type(input, '2015-09-12T02:00+02:00/P1D');
    expect(screen.getByText('2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z')).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'false');
    await user.clear(input);
    await user.type(input, '2015-09-13/2015-09-12');
    expect(screen.getByText('End must be after start.')).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/End must be after start/);
  });

  it('flags an empty required field once it is left, and never one where empty means something', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Harness />);
    await user.click(screen.getByRole('textbox', { name: 'Interval' }));
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Interval' })).toHaveAttribute('aria-invalid', 'true');
    unmount();
    render(<Harness emptyMeans="all time" />);
    await user.click(screen.getByRole('textbox', { name: 'Interval' }));
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Interval' })).toHaveAttribute('aria-invalid', 'false');
  });

  it('keeps the calendar in a popover: closed until asked, Escape closes it and focus returns', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2015-09-12/P3D" />);
    expect(screen.queryByRole('grid')).toBeNull();
    expect(openButton()).toHaveAttribute('aria-expanded', 'false');
    const popover = await openPopover(user);
    expect(openButton()).toHaveAttribute('aria-expanded', 'true');
    expect(within(popover).getByRole('grid', { name: /September 2015/ })).toBeVisible();
    expect(selectedDays()).toEqual(['12', '13', '14']);
    fireEvent.keyDown(within(popover).getByRole('grid'), { key: 'Escape' });
    expect(screen.queryByRole('grid')).toBeNull();
    expect(openButton()).toHaveFocus();
  });

  it('writes a calendar range into the text, the end day included', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2015-09-12/2015-09-13" />);
    const grid = within(await openPopover(user)).getByRole('grid', { name: /September 2015/ });
    await user.click(within(grid).getByRole('button', { name: /September 20th, 2015/ }));
    expect(valueText()).toBe('2015-09-20/2015-09-21');
    await user.click(within(grid).getByRole('button', { name: /September 22nd, 2015/ }));
    expect(valueText()).toBe('2015-09-20/2015-09-23');
    expect(selectedDays()).toEqual(['20', '21', '22']);
  });

  it('applies times of day to the calendar range', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2015-09-12/2015-09-13" />);
    await openPopover(user);
    fireEvent.change(screen.getByLabelText(/^Start time/), { target: { value: '06:00' } });
    expect(valueText()).toBe('2015-09-12T06:00Z/2015-09-13');
    fireEvent.change(screen.getByLabelText(/^End time/), { target: { value: '18:30' } });
    expect(valueText()).toBe('2015-09-12T06:00Z/2015-09-12T18:30Z');
    // 24-hour text, never a locale's AM/PM: "6 pm" is explained and changes nothing.
    fireEvent.change(screen.getByLabelText(/^End time/), { target: { value: '6 pm' } });
    expect(screen.getByLabelText(/^End time/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Use 24-hour time such as 06:30 or 18:45:30.')).toBeVisible();
    expect(valueText()).toBe('2015-09-12T06:00Z/2015-09-12T18:30Z');
  });

  it('opens the calendar on the data’s month, not today’s, when nothing is typed', async () => {
    const user = userEvent.setup();
    render(<Harness presets={[{ label: 'Whole datasource', interval: '2015-09-12/2015-09-13' }]} />);
    const popover = await openPopover(user);
    expect(within(popover).getByRole('grid', { name: /September 2015/ })).toBeVisible();
  });

  it('moves to the data when where it lies arrives after the popover opened, unless a page was turned', async () => {
    const user = userEvent.setup();
    const extent = { start: Date.UTC(2019, 7, 25), end: Date.UTC(2019, 7, 28) };
    const { rerender } = render(<Harness extent={null} />);
    const popover = await openPopover(user);
    expect(within(popover).getByRole('grid', { name: /March 2024/ })).toBeVisible();
    rerender(<Harness extent={extent} />);
    expect(within(popover).getByRole('grid', { name: /August 2019/ })).toBeVisible();

    await user.click(within(popover).getByRole('button', { name: /next month/i }));
    rerender(<Harness extent={{ start: Date.UTC(2015, 8, 12), end: Date.UTC(2015, 8, 13) }} />);
    expect(within(popover).getByRole('grid', { name: /September 2019/ })).toBeVisible();
  });

  it('opens an interval from the year 1000 on the data, not on the year 1000', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        initial="1000-01-01/2024-03-14T10:30Z"
        extent={{ start: Date.UTC(2019, 7, 25), end: Date.UTC(2019, 7, 28) }}
      />,
    );
    const popover = await openPopover(user);
    expect(within(popover).getByRole('grid', { name: /August 2019/ })).toBeVisible();
  });

  it('offers the caller presets first, then recent ones shortest first, each with its text', async () => {
    const user = userEvent.setup();
    render(<Harness presets={[{ label: 'Whole datasource', interval: '2015-09-12/2015-09-13' }]} />);
    const popover = await openPopover(user);
    const list = within(popover).getByRole('list', { name: 'Presets' });
    const presets = within(list).getAllByRole('button');
    expect(presets.map((b) => b.textContent)).toEqual([
      'Whole datasource',
      'Last 24 hours',
      'Last 7 days',
      'Last 30 days',
    ]);
    expect(presets[2]).toHaveAccessibleDescription('2024-03-08T10:30Z/2024-03-15T10:30Z');
    await user.click(presets[0] as HTMLElement);
    expect(valueText()).toBe('2015-09-12/2015-09-13');
    // Picking a preset is a complete choice: the popover closes and focus goes back.
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(openButton()).toHaveFocus();
    await openPopover(user);
    expect(screen.getByRole('button', { name: 'Whole datasource' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('offers no recent presets where they would be the wrong pick, and "All time" where empty means that', async () => {
    const user = userEvent.setup();
    render(<Harness recentPresets={false} emptyMeans="all time" initial="2015-09-12/2015-09-13" />);
    const list = within(await openPopover(user)).getByRole('list', { name: 'Presets' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['All time']);
    await user.click(within(list).getByRole('button', { name: 'All time' }));
    expect(valueText()).toBe('');
  });

  it('writes local times with their offset after switching to local time', async () => {
    // Node reads TZ afresh when it changes; vitest puts it back afterwards.
    vi.stubEnv('TZ', 'Asia/Kolkata');
    try {
      const user = userEvent.setup();
      render(<Harness initial="2015-09-12/2015-09-13" />);
      await openPopover(user);
      await user.click(screen.getByRole('radio', { name: /Local/ }));
      // 2015-09-12T00:00Z is 05:30 in Kolkata: the calendar now shows local days and times.
      expect(screen.getByLabelText(/^Start time/)).toHaveValue('05:30');
      fireEvent.change(screen.getByLabelText(/^Start time/), { target: { value: '06:00' } });
      expect(valueText()).toBe('2015-09-12T06:00+05:30/2015-09-13T05:30+05:30');
      expect(screen.getByText('2015-09-12T00:30:00.000Z/2015-09-13T00:00:00.000Z')).toBeVisible();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('shows a caller error too', () => {
    render(<Harness initial="2015-09-12/2015-09-13" error="Druid refused this interval." />);
    expect(screen.getByText('Druid refused this interval.')).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Interval' })).toHaveAttribute('aria-invalid', 'true');
  });
});
