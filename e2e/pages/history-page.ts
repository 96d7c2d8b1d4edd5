import type { Locator, Page } from '@playwright/test';

/** The Rule history view, through the roles and labels a user relies on. */
export class HistoryPage {
  readonly heading: Locator;
  readonly dataSource: Locator;
  readonly intervalField: Locator;
  /** The interval field's button and the popover it opens (presets, calendar). */
  readonly intervalButton: Locator;
  readonly intervalPopover: Locator;
  readonly countMode: Locator;
  readonly intervalMode: Locator;
  readonly countField: Locator;
  readonly summary: Locator;
  readonly table: Locator;
  readonly timeline: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Rule history', level: 1 });
    this.dataSource = page.getByLabel('Datasource');
    this.intervalField = page.getByRole('textbox', { name: 'Time range of the changes' });
    this.intervalButton = page.getByRole('button', { name: 'Time range of the changes: calendar and presets' });
    this.intervalPopover = page.getByRole('dialog', { name: 'Time range of the changes: calendar and presets' });
    this.countMode = page.getByRole('radio', { name: 'The last N changes' });
    this.intervalMode = page.getByRole('radio', { name: 'Changes in a time range' });
    this.countField = page.getByRole('spinbutton', { name: 'Number of changes' });
    this.summary = page.getByRole('status').filter({ hasText: 'newest first' });
    this.table = page.getByRole('table', { name: 'Rule changes, newest first' });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.detail = page.getByRole('region', { name: /^Change to / });
  }

  async goto(search = '') {
    await this.page.goto(`/history${search}`);
    await this.heading.waitFor();
  }

  /** Table rows of changes (the header row excluded). */
  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link') });
  }

  row(dataSource: string, time: string): Locator {
    return this.rows().filter({ hasText: time }).filter({ hasText: dataSource });
  }

  lane(dataSource: string): Locator {
    return this.timeline.getByRole('group', { name: `Changes to ${dataSource}`, exact: true });
  }

  async open(dataSource: string, time: string) {
    await this.row(dataSource, time).getByRole('link').click();
    await this.detail.waitFor();
  }

  /** The detail's values in order: time, author, identity, comment, IP. */
  details(): Locator {
    return this.detail.getByRole('definition');
  }

  changes(): Locator {
    // Only the changes themselves, not the field-by-field items nested in a "Changed" one.
    return this.detail
      .getByRole('list', { name: /^Rule changes to / })
      .getByRole('listitem')
      .filter({ hasText: /^(Added|Removed|Moved|Changed|Unchanged)/ });
  }
}
