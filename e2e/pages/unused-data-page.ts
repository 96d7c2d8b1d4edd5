import type { Locator, Page } from '@playwright/test';

/** The Unused data view, through the roles and labels a user relies on. */
export class UnusedDataPage {
  readonly heading: Locator;
  readonly settings: Locator;
  readonly forecast: Locator;
  readonly killHistory: Locator;
  readonly configHistory: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Unused data', level: 1 });
    this.settings = page.getByRole('region', { name: 'Auto-kill settings' });
    this.forecast = page.getByRole('table', { name: 'Unused segments and auto-kill per datasource' });
    this.killHistory = page.getByRole('region', { name: 'Kill history' });
    this.configHistory = page.getByRole('region', { name: 'Config history' });
    this.dialog = page.getByRole('dialog');
  }

  async goto() {
    await this.page.goto('/unused-data');
    await this.heading.waitFor();
  }

  /** The forecast row of one datasource (its name is the row header). */
  row(dataSource: string): Locator {
    return this.forecast
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: dataSource, exact: true }) });
  }

  /** Saves the dialog's form with a comment, giving the operator's name if the dialog asks for it. */
  async saveDialog(button: string, comment: string, author: string) {
    await this.dialog.getByRole('textbox', { name: 'Comment (why)' }).fill(comment);
    const name = this.dialog.getByRole('textbox', { name: 'Your name' });
    if (await name.isVisible()) await name.fill(author);
    await this.dialog.getByRole('button', { name: button, exact: true }).click();
  }
}
