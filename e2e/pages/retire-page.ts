import type { Locator, Page } from '@playwright/test';

export const RETIRE_STEP_TITLES = {
  rules: '1. Rules: back to the defaults',
  mark: '2. Mark every segment unused',
  kill: '3. Kill every unused segment',
  check: '4. Check every list',
} as const;

/** The Retire view, through the roles and labels a user relies on. */
export class RetirePage {
  readonly dialog: Locator;
  readonly confirmField: Locator;

  constructor(
    readonly page: Page,
    readonly dataSource: string,
  ) {
    this.dialog = page.getByRole('dialog');
    this.confirmField = this.dialog.getByRole('textbox', { name: /to confirm/ });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { name: `Retire ${this.dataSource}`, level: 1 });
  }

  async goto() {
    await this.page.goto(`/retire/${encodeURIComponent(this.dataSource)}`);
    await this.heading().waitFor();
  }

  step(name: keyof typeof RETIRE_STEP_TITLES): Locator {
    return this.page.getByRole('region', { name: RETIRE_STEP_TITLES[name], exact: true });
  }

  /** The step's badge: Done, Next, Running or Later. */
  status(name: keyof typeof RETIRE_STEP_TITLES): Locator {
    return this.step(name).locator('.retire-status');
  }
}
