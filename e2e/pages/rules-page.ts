import { expect, type Locator, type Page } from '@playwright/test';

/** The rules editor (`/rules/:dataSource`), through roles and labels only. */
export class RulesPage {
  constructor(readonly page: Page) {}

  async goto(dataSource: string, search = ''): Promise<void> {
    await this.page.goto(`/rules/${encodeURIComponent(dataSource)}${search}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(this.jsonTab).toBeVisible();
  }

  /** The card of the rule at 1-based `position`. */
  card(position: number): Locator {
    return this.page.getByRole('region', { name: `Rule ${position}`, exact: true });
  }

  get cards(): Locator {
    return this.page.getByRole('region', { name: /^Rule \d+$/ });
  }

  typeSelect(position: number): Locator {
    return this.card(position).getByLabel(`Type of rule ${position}`);
  }

  dragHandle(position: number): Locator {
    return this.card(position).getByRole('button', { name: `Drag rule ${position} to reorder` });
  }

  get formTab(): Locator {
    return this.page.getByRole('tab', { name: 'Form' });
  }

  get jsonTab(): Locator {
    return this.page.getByRole('tab', { name: 'JSON' });
  }

  get jsonText(): Locator {
    return this.page.getByLabel('Rules as JSON');
  }

  get retention(): Locator {
    return this.page.getByRole('complementary', { name: 'Effective retention' });
  }

  /** A row of the effective-retention counts, e.g. "Dropped" or "Loaded". */
  outcomeRow(name: RegExp): Locator {
    return this.retention.getByRole('row', { name });
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save…' });
  }

  get saveDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Save the rules of/ });
  }

  /** The Details disclosure of a card: its fields show when expanded. */
  detailsToggle(position: number): Locator {
    return this.card(position).getByRole('button', { name: `Details of rule ${position}` });
  }

  /** Shows the fields of the card at `position` (cards load collapsed to one line) and returns the card. */
  async expand(position: number): Promise<Locator> {
    const toggle = this.detailsToggle(position);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    return this.card(position);
  }

  /** Adds a rule at the end, picks its type by its label, e.g. "Drop by interval", and shows its fields. */
  async addRule(typeLabel: string): Promise<Locator> {
    const before = await this.cards.count();
    await this.page.getByRole('button', { name: 'Add rule' }).click();
    const position = before + 1;
    await expect(this.card(position)).toBeVisible();
    await this.typeSelect(position).selectOption({ label: typeLabel });
    return this.expand(position);
  }

  async menuAction(position: number, action: 'Move up' | 'Move down' | 'Duplicate' | 'Delete'): Promise<void> {
    const card = this.card(position);
    const toggle = card.getByRole('button', { name: `Actions for rule ${position}` });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await card.getByRole('button', { name: action, exact: true }).click();
  }

  /** Opens the save dialog, fills the comment (and the operator's name when asked) and saves. */
  async save(comment: string, operatorName?: string): Promise<void> {
    await this.saveButton.click();
    await expect(this.saveDialog).toBeVisible();
    await this.saveDialog.getByLabel('Comment (why)').fill(comment);
    if (operatorName !== undefined) await this.saveDialog.getByLabel('Your name').fill(operatorName);
    await this.saveDialog.getByRole('button', { name: 'Save rules' }).click();
  }

  /**
   * Drags the card at `from` onto the card at `to` with the mouse, in small steps as a person would. The cards fold
   * to one line once the drag starts, so the target is found where it is then.
   */
  async dragWithMouse(from: number, to: number): Promise<void> {
    const handle = await this.dragHandle(from).boundingBox();
    if (!handle) throw new Error('the card is not on screen');
    const startX = handle.x + handle.width / 2;
    const startY = handle.y + handle.height / 2;
    await this.page.mouse.move(startX, startY);
    await this.page.mouse.down();
    await this.page.mouse.move(startX, startY + Math.sign(to - from) * 8, { steps: 4 });
    await expect(this.page.getByText(`Picked up rule ${from} of`)).toBeAttached();
    // The cards above folded, yet the lifted card (drawn as a hidden-from-readers overlay) is still in hand.
    const inHand = await this.page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('[aria-hidden="true"]')?.textContent ?? '',
      { x: startX, y: startY + Math.sign(to - from) * 8 },
    );
    expect(inHand).toContain(`Rule ${from}`);
    // The lifted card follows the pointer by its handle: bring that handle onto the target's.
    const target = await this.dragHandle(to).boundingBox();
    if (!target) throw new Error('the target card is not on screen');
    await this.page.mouse.move(startX, target.y + target.height / 2, { steps: 25 });
    await this.page.mouse.up();
  }
}
