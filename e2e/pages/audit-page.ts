import { expect, type Locator, type Page } from "@playwright/test";

export class AuditPage {
  readonly matrix: Locator;
  readonly detail: Locator;
  readonly stage: Locator;
  readonly pathFilter: Locator;
  readonly ruleFilter: Locator;
  readonly findingsTab: Locator;
  readonly matrixTab: Locator;
  readonly header: Locator;

  constructor(readonly page: Page) {
    this.matrix = page.getByTestId("method-matrix");
    this.detail = page.getByTestId("detail-panel");
    this.stage = page.getByTestId("stage-select");
    this.pathFilter = page.getByTestId("path-filter");
    this.ruleFilter = page.getByTestId("rule-filter");
    this.findingsTab = page.getByTestId("tab-findings");
    this.matrixTab = page.getByTestId("tab-matrix");
    this.header = page.getByTestId("audit-header");
  }

  static url(apiId: string, query = "", region = "us-east-1", connection = "demo"): string {
    return `/audit/${encodeURIComponent(connection)}/${region}/${apiId}${query ? `?${query}` : ""}`;
  }

  async open(apiId: string, query = "", region = "us-east-1") {
    await this.page.goto(AuditPage.url(apiId, query, region));
    await expect(this.page.getByTestId("audit-view")).toBeVisible({ timeout: 30_000 });
  }

  cell(path: string, verb: string): Locator {
    return this.page.locator(`[data-testid=matrix-cell][data-cell="${path}:${verb}"]`);
  }

  /**
   * Clicks a cell once React has hydrated it: the server's HTML shows the cell before the browser has run the page's
   * code, and a click on it then does nothing (seen on a loaded CI machine). React marks each element it has attached
   * to with a __reactFiber key, which this waits for.
   */
  async clickCell(path: string, verb: string): Promise<void> {
    const cell = this.cell(path, verb);
    await expect
      .poll(() => cell.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber"))), { timeout: 30_000 })
      .toBe(true);
    await cell.click();
  }

  severityToggle(severity: string): Locator {
    return this.page.getByTestId(`severity-filter-${severity}`);
  }

  findingRows(rule?: string): Locator {
    return rule ? this.page.locator(`[data-testid=finding-row][data-rule="${rule}"]`) : this.page.getByTestId("finding-row");
  }

  query(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }
}
