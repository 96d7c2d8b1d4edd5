import { expect, type Locator, type Page } from '@playwright/test';

const COLUMNS = ['used', 'unused', 'size', 'range', 'rules', 'actions'] as const;

/** The datasources list (/segments), through the roles and labels a user relies on. */
export class DataSourcesPage {
  readonly table: Locator;
  readonly filter: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Datasources' });
    this.filter = page.getByRole('searchbox', { name: 'Filter by name' });
    this.status = page.getByRole('status').filter({ hasText: /datasources( match)?\.$/ });
  }

  async goto(query: Record<string, string> = {}, baseURL = '') {
    const search = new URLSearchParams(query).toString();
    await this.page.goto(`${baseURL}/segments${search ? `?${search}` : ''}`);
    await expect(this.page.getByRole('heading', { name: 'Datasources', level: 1 })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** A cell of a datasource's row by column: used, unused, size, range, rules, actions. */
  cell(name: string, column: (typeof COLUMNS)[number]): Locator {
    return this.row(name).getByRole('cell').nth(COLUMNS.indexOf(column));
  }

  /** Names of the body rows drawn now (the virtual window), in order. */
  async drawnNames(): Promise<string[]> {
    return this.table.getByRole('rowheader').allTextContents();
  }

  /** Scrolls the table's scroll box to a fraction (0–1) of its height. */
  async scrollTo(fraction: number) {
    await this.table.evaluate((table, at) => {
      const box = table.parentElement as HTMLElement;
      box.scrollTop = (box.scrollHeight - box.clientHeight) * at;
    }, fraction);
  }
}
