import { expect, type Locator, type Page } from '@playwright/test';

/** "2021-04-16 08:00" or "2021-04-16" (UTC, as the window bar writes instants) → epoch ms. */
export function readShortInstant(text: string): number {
  const iso = text.includes(' ') ? `${text.replace(' ', 'T')}:00Z` : `${text}T00:00:00Z`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${text}`);
  return ms;
}

/** The segments view of a big datasource in windowed mode. */
export class WindowedSegmentsPage {
  readonly table: Locator;
  readonly windowStatus: Locator;
  readonly showing: Locator;
  readonly selectionBar: Locator;
  readonly dialog: Locator;
  readonly timeline: Locator;
  readonly modeNote: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: /^Segments of / });
    this.windowStatus = page.getByRole('region', { name: 'Time window' }).getByRole('status');
    this.showing = page.getByRole('status').filter({ hasText: /^Showing [\d,]+ of [\d,]+ segments in this window$/ });
    this.selectionBar = page.getByRole('region', { name: 'Selection' });
    this.dialog = page.getByRole('dialog');
    this.timeline = page.getByRole('group', { name: /^Segments over time/ });
    this.modeNote = page.getByText(/loaded at once: the table shows a time window/);
  }

  async goto(dataSource: string, query: Record<string, string> = {}) {
    const search = new URLSearchParams(query).toString();
    await this.page.goto(`/segments/${encodeURIComponent(dataSource)}${search ? `?${search}` : ''}`);
    // The local cluster's intervals?simple takes seconds at this size (it is being made fast separately).
    await expect(this.modeNote).toBeVisible({ timeout: 30_000 });
  }

  /** The figures the windowed-mode note states: served segments, the full-load threshold, rows per window. */
  async modeFigures() {
    const text = (await this.modeNote.textContent()) ?? '';
    const numbers = [...text.matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replaceAll(',', '')));
    const [served, threshold, windowRows] = numbers.length === 4 ? [numbers[0], numbers[2], numbers[3]] : numbers;
    return { served: served ?? 0, threshold: threshold ?? 0, windowRows: windowRows ?? 0 };
  }

  /** The window shown, from the window bar's words ("the beginning"/"the end" are open ends). */
  async window(): Promise<{ start: number | null; end: number | null }> {
    const text = (await this.windowStatus.textContent()) ?? '';
    const match = /segments from (.+?) to (.+?)\. Sort/.exec(text);
    if (!match) throw new Error(`no window in: ${text}`);
    const [, from, to] = match as unknown as [string, string, string];
    return {
      start: from === 'the beginning' ? null : readShortInstant(from),
      end: to === 'the end' ? null : readShortInstant(to),
    };
  }

  /** Waits for a window's rows; returns how many it holds. */
  async loadedRows(): Promise<number> {
    await expect(this.page.getByText(/^Loading the segments from/)).toHaveCount(0, { timeout: 20_000 });
    await expect(this.showing).toBeVisible();
    const text = (await this.showing.textContent()) ?? '';
    return Number((/of ([\d,]+) segments/.exec(text)?.[1] ?? '0').replaceAll(',', ''));
  }

  /** The start column's text of the first row on screen. */
  firstRowStart(): Locator {
    return this.table.getByRole('row').nth(1).getByRole('cell').nth(2);
  }
}
