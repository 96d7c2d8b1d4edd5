import { expect, type Locator, type Page } from '@playwright/test';

/** The Kill view, through the roles and labels a user relies on. */
export class KillPage {
  readonly heading: Locator;
  readonly dataSource: Locator;
  readonly intervalField: Locator;
  /** The interval field's button and the popover it opens (presets, calendar). */
  readonly intervalButton: Locator;
  readonly intervalPopover: Locator;
  readonly dryRun: Locator;
  readonly toDelete: Locator;
  readonly killButton: Locator;
  readonly dialog: Locator;
  readonly confirmField: Locator;
  readonly killTask: Locator;
  readonly recentTasks: Locator;
  /** The dry run's count while it runs ("… so far (partial …)"). */
  readonly countProgress: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Kill unused segments', level: 1 });
    this.dataSource = page.getByRole('combobox', { name: 'Datasource' });
    this.intervalField = page.getByRole('textbox', { name: 'Interval to kill' });
    this.intervalButton = page.getByRole('button', { name: 'Interval to kill: calendar and presets' });
    this.intervalPopover = page.getByRole('dialog', { name: 'Interval to kill: calendar and presets' });
    this.dryRun = page.getByRole('region', { name: 'Dry run', exact: true });
    this.toDelete = page.getByRole('region', { name: 'Unused segments that will be deleted' });
    this.killButton = page.getByRole('button', { name: /^Kill [\d,]+ segments?…$/ });
    this.dialog = page.getByRole('dialog');
    this.confirmField = this.dialog.getByRole('textbox', { name: /to confirm/ });
    this.killTask = page.getByRole('region', { name: /^Kill task/ });
    this.recentTasks = page.getByRole('region', { name: /^Recent kill tasks of / });
    this.countProgress = this.dryRun.getByRole('status').filter({ hasText: 'Counting the unused segments' });
  }

  async goto(dataSource?: string, interval?: string) {
    const path = dataSource ? `/kill/${encodeURIComponent(dataSource)}` : '/kill';
    await this.page.goto(interval ? `${path}?${new URLSearchParams({ interval })}` : path);
    await this.heading.waitFor();
  }

  /** The dry run's headline ("30 unused segments (…) will be permanently deleted" or "Nothing to delete."). */
  verdict(): Locator {
    return this.dryRun.getByRole('status');
  }

  /** Opens the interval popover and picks a preset, which closes it. */
  async pickPreset(name: string) {
    await this.intervalButton.click();
    await this.intervalPopover.getByRole('button', { name, exact: true }).click();
    await expect(this.intervalPopover).toBeHidden();
  }

  confirmButton(count: number): Locator {
    return this.dialog.getByRole('button', { name: `Kill ${count} segment${count === 1 ? '' : 's'}`, exact: true });
  }

  /** Rendered rows of a (virtualized) segment table: the header and the empty spacer rows excluded. */
  segmentRows(table: Locator): Locator {
    return table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') })
      .filter({ hasText: /\d/ });
  }
}
