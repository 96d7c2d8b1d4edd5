import { expect, type Locator, type Page } from '@playwright/test';

export const WIKI = 'wikipedia_hour';
const WIKI_VERSION = '2023-08-10T04:12:03.860Z';

/** The ID of wikipedia_hour's segment for one hour of 2015-09-12. */
export function wikiId(hour: number): string {
  const at = (h: number) => `2015-09-${h === 24 ? '13' : '12'}T${String(h % 24).padStart(2, '0')}:00:00.000Z`;
  return `${WIKI}_${at(hour)}_${at(hour + 1)}_${WIKI_VERSION}`;
}

/** The segments view of one datasource, through the roles and labels a user relies on. */
export class SegmentsPage {
  readonly table: Locator;
  readonly selectionBar: Locator;
  readonly dialog: Locator;
  readonly showing: Locator;
  readonly intervalFilter: Locator;
  readonly idFilter: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: /^Segments of / });
    this.selectionBar = page.getByRole('region', { name: 'Selection' });
    this.dialog = page.getByRole('dialog');
    this.showing = page.getByRole('status').filter({ hasText: /^Showing [\d,]+ of [\d,]+ segments$/ });
    this.intervalFilter = page.getByRole('textbox', { name: 'Interval filter', exact: true });
    this.idFilter = page.getByRole('searchbox', { name: 'Segment ID contains' });
  }

  async goto(dataSource: string, query: Record<string, string> = {}) {
    const search = new URLSearchParams(query).toString();
    await this.page.goto(`/segments/${encodeURIComponent(dataSource)}${search ? `?${search}` : ''}`);
    await this.waitLoaded();
  }

  /** Both listings are in: the used one and every page of unused segments. */
  async waitLoaded() {
    await expect(this.page.getByRole('heading', { level: 1, name: /^Segments of / })).toBeVisible();
    await expect(this.page.getByText(/^Loading (used|unused) segments/)).toHaveCount(0);
    await expect(this.showing).toBeVisible();
  }

  async expectShowing(shown: number, total: number) {
    await expect(this.showing).toHaveText(`Showing ${shown} of ${total} segments`);
  }

  /** The datasource's segments per state, as the timeline's legend states them once everything is loaded. */
  async expectTotals(used: number, overshadowed: number, unused: number) {
    const timeline = this.page.getByRole('region', { name: 'Timeline' });
    const count = (n: number) => n.toLocaleString('en-US');
    await expect(timeline.getByText(/^[\d,]+ segments( so far)?:$/)).toHaveText(
      `${count(used + overshadowed + unused)} segments:`,
    );
    await expect(timeline.getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveText([
      `${count(used)} used`,
      `${count(overshadowed)} overshadowed`,
      `${count(unused)} unused`,
    ]);
  }

  checkbox(segmentId: string): Locator {
    return this.table.getByRole('checkbox', { name: `Select ${segmentId}`, exact: true });
  }

  /**
   * Presses Tab until the element named `name` has focus, as a keyboard user walks down the table: rows below the
   * window are only drawn once focus scrolls toward them, so they cannot be focused directly.
   */
  async tabTo(name: string, maxPresses = 30) {
    const focusedName = () => this.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    for (let i = 0; i < maxPresses && (await focusedName()) !== name; i++) await this.page.keyboard.press('Tab');
    expect(await focusedName()).toBe(name);
  }

  row(segmentId: string): Locator {
    const checkbox = this.page.getByRole('checkbox', { name: `Select ${segmentId}`, exact: true });
    return this.table.getByRole('row').filter({ has: checkbox });
  }

  /** The state badge of a row: used, overshadowed or unused. */
  stateOf(segmentId: string): Locator {
    return this.row(segmentId).getByRole('cell').nth(1);
  }

  selectionCount(): Locator {
    return this.selectionBar.getByRole('status');
  }

  /** A line of the bulk summary ("Marked unused", "Not sent (cancelled)", …) → its number. */
  summaryValue(label: string): Locator {
    return this.dialog
      .getByRole('table', { name: 'Summary' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) })
      .getByRole('cell');
  }
}
