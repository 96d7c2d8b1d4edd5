import { expect, type Locator, type Page } from '@playwright/test';

/** The cluster page (`/cluster`): its tiers and historicals table. */
export class ClusterPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/cluster');
    await expect(this.page.getByRole('heading', { name: 'Tiers and historicals' })).toBeVisible();
  }

  get tiers(): Locator {
    return this.page.getByRole('table', { name: 'Tiers and historicals' });
  }

  /** A tier's summary row: used, capacity, full, segments, to load, to drop. */
  tierRow(tier: string): Locator {
    return this.tiers
      .getByRole('rowgroup', { name: `Tier ${tier}` })
      .getByRole('row')
      .first();
  }

  /** The cells of a tier's summary row, by column name. */
  async tierCell(tier: string, column: 'Used' | 'Capacity' | 'Segments' | 'To load' | 'To drop'): Promise<Locator> {
    const columns = ['Tier / historical', 'Used', 'Capacity', 'Full', 'Segments', 'To load', 'To drop'];
    return this.tierRow(tier)
      .getByRole('cell')
      .nth(columns.indexOf(column) - 1);
  }

  historicalRow(host: string): Locator {
    return this.tiers.getByRole('row', { name: new RegExp(`^${host.replace('.', '\\.')}\\b`) });
  }
}
