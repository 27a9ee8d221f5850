import { expect, type Locator, type Page } from "@playwright/test";

export class HomePage {
  readonly inventory: Locator;
  readonly progress: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.inventory = page.getByTestId("api-inventory");
    this.progress = page.getByTestId("inventory-progress");
    this.search = page.getByTestId("api-search");
  }

  async open(connection?: string) {
    await this.page.goto(connection ? `/?connection=${encodeURIComponent(connection)}` : "/");
  }

  /** Waits until every region has answered. */
  async waitForAllRegions() {
    await expect(this.inventory).toBeVisible();
    const total = await this.inventory.getAttribute("data-total");
    await expect(this.inventory).toHaveAttribute("data-done", total ?? "", { timeout: 30_000 });
  }

  row(apiId: string): Locator {
    return this.page.locator(`[data-testid=api-row][data-api-id="${apiId}"]`);
  }

  rowByName(name: string): Locator {
    return this.page.getByTestId("api-row").filter({ has: this.page.getByTestId("api-link").getByText(name, { exact: true }) });
  }

  /** The audit page URL of the API with this name, found through the search box of the connection's home. */
  async auditHrefFor(connection: string, name: string): Promise<string> {
    await this.open(connection);
    await this.search.fill(name);
    const link = this.rowByName(name).getByTestId("api-link");
    await expect(link).toBeVisible({ timeout: 30_000 });
    const href = await link.getAttribute("href");
    if (!href) throw new Error(`The API row "${name}" has no audit link`);
    return href;
  }

  regionError(region?: string): Locator {
    return region ? this.page.locator(`[data-testid=region-error][data-region="${region}"]`) : this.page.getByTestId("region-error");
  }
}
