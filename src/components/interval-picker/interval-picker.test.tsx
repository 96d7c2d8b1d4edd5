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

function selectedDays(): string[] {
  return screen
    .getAllByRole('gridcell')
    .filter((cell) => cell.getAttribute('aria-selected') === 'true')
    .map((cell) => cell.textContent ?? '');
}

describe('IntervalPicker', () => {
  it('shows the canonical form of what is typed, and errors in words', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Interval');
    await user.type(input, '2015-09-12T00:00Z/P1D');
    expect(screen.getByText('2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z')).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'false');
    await user.clear(input);
    await user.type(input, '2015-09-13/2015-09-12');
    expect(screen.getByText('The end is before the start.')).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/The end is before the start/);
  });

  it('moves the calendar to a typed interval and selects its days', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByLabelText('Interval'), '2015-09-12/P3D');
    expect(screen.getByRole('grid', { name: /September 2015/ })).toBeVisible();
    expect(selectedDays()).toEqual(['12', '13', '14']);
  });

  it('writes a calendar range into the text, the end day included', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2015-09-12/2015-09-13" />);
    const grid = screen.getByRole('grid', { name: /September 2015/ });
    await user.click(within(grid).getByRole('button', { name: /September 20th, 2015/ }));
    expect(valueText()).toBe('2015-09-20/2015-09-21');
    await user.click(within(grid).getByRole('button', { name: /September 22nd, 2015/ }));
    expect(valueText()).toBe('2015-09-20/2015-09-23');
    expect(selectedDays()).toEqual(['20', '21', '22']);
  });

  it('applies times of day to the calendar range', () => {
    render(<Harness initial="2015-09-12/2015-09-13" />);
    fireEvent.change(screen.getByLabelText(/^Start time/), { target: { value: '06:00' } });
    expect(valueText()).toBe('2015-09-12T06:00Z/2015-09-13');
    fireEvent.change(screen.getByLabelText(/^End time/), { target: { value: '18:30' } });
    expect(valueText()).toBe('2015-09-12T06:00Z/2015-09-12T18:30Z');
  });

  it('offers the caller presets before the built-in ones', async () => {
    const user = userEvent.setup();
    render(<Harness presets={[{ label: 'Whole datasource', interval: '2015-09-12/2015-09-13' }]} />);
    const presets = within(screen.getByRole('list', { name: 'Presets' })).getAllByRole('button');
    expect(presets.map((b) => b.textContent)).toEqual([
      'Whole datasource',
      'Last 7 days',
      'Last 30 days',
      'Everything older than 24 hours',
    ]);
    await user.click(presets[0] as HTMLElement);
    expect(valueText()).toBe('2015-09-12/2015-09-13');
    expect(presets[0]).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
    expect(valueText()).toBe('2024-03-08T10:30Z/2024-03-15T10:30Z');
    await user.click(screen.getByRole('button', { name: 'Everything older than 24 hours' }));
    expect(valueText()).toBe('-146136543-09-08T08:23:32.096Z/2024-03-14T10:30Z');
  });

  it('picks a whole month or year', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2024-02' } });
    await user.click(screen.getByRole('button', { name: 'Use month' }));
    expect(valueText()).toBe('2024-02-01/2024-03-01');
    await user.type(screen.getByLabelText('Year'), '2019');
    await user.click(screen.getByRole('button', { name: 'Use year' }));
    expect(valueText()).toBe('2019-01-01/2020-01-01');
    await user.clear(screen.getByLabelText('Year'));
    await user.type(screen.getByLabelText('Year'), '2021{Enter}');
    expect(valueText()).toBe('2021-01-01/2022-01-01');
  });

  it('writes local times with their offset after switching to local time', async () => {
    // Node reads TZ afresh when it changes; vitest puts it back afterwards.
    vi.stubEnv('TZ', 'Asia/Kolkata');
    try {
      const user = userEvent.setup();
      render(<Harness initial="2015-09-12/2015-09-13" />);
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

  it('can fold the calendar away and back', async () => {
    const user = userEvent.setup();
    render(<Harness calendarInitiallyOpen={false} />);
    expect(screen.queryByRole('grid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show calendar' }));
    expect(screen.getByRole('grid')).toBeVisible();
  });

  it('shows a caller error too', () => {
    render(<Harness initial="2015-09-12/2015-09-13" error="Druid refused this interval." />);
    expect(screen.getByText('Druid refused this interval.')).toBeVisible();
    expect(screen.getByLabelText('Interval')).toHaveAttribute('aria-invalid', 'true');
  });
});
