import { expect, type Locator, type Page } from "@playwright/test";
import type { ExpiryChoice } from "@/lib/share/expiry";

/** A snapshot of what the audit view shows, to compare a live page with its stored copy. */
export interface RenderedAudit {
  /** data-cell → "state/severity" for every matrix cell. */
  cells: Record<string, string>;
  totalFindings: string | null;
  /** data-rule of every finding row on the findings tab, sorted. */
  findingRules: string[];
  apiName: string;
}

export async function readRenderedAudit(page: Page): Promise<RenderedAudit> {
  const matrix = page.getByTestId("method-matrix");
  await expect(matrix).toBeVisible({ timeout: 30_000 });
  const cells = await page
    .getByTestId("matrix-cell")
    .evaluateAll((nodes) =>
      Object.fromEntries(
        nodes.map((node) => [
          node.getAttribute("data-cell") ?? "",
          `${node.getAttribute("data-state")}/${node.getAttribute("data-severity") ?? ""}`,
        ]),
      ),
    );
  const totalFindings = await page.getByTestId("report-counts").getAttribute("data-total");
  const apiName = (await page.getByTestId("api-name").first().textContent()) ?? "";
  await page.getByTestId("tab-findings").click();
  await expect(page.getByTestId("findings-list")).toBeVisible();
  const findingRules = (
    await page.getByTestId("finding-row").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-rule") ?? ""))
  ).sort();
  await page.getByTestId("tab-matrix").click();
  return { cells, totalFindings, findingRules, apiName };
}

/** The Share form on the live audit page. */
export class SharePanel {
  readonly form: Locator;
  readonly link: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("share-form");
    this.link = page.getByTestId("share-link");
    this.history = page.getByTestId("audit-history");
  }

  /** Shares with the given expiry and returns the stored audit's path, e.g. /audits/<id>. */
  async share(expiry: ExpiryChoice = "never"): Promise<string> {
    await this.page.getByTestId("share-expiry").selectOption(expiry);
    await this.page.getByTestId("share-button").click();
    await expect(this.link).toBeVisible({ timeout: 30_000 });
    const href = await this.link.getAttribute("href");
    expect(href).toMatch(/^\/audits\/[A-Za-z0-9_-]{22}$/);
    return href!;
  }
}

export class StoredAuditPage {
  readonly banner: Locator;
  readonly notFound: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByTestId("stored-banner");
    this.notFound = page.getByTestId("audit-not-found");
    this.history = page.getByTestId("audit-history");
  }

  async open(path: string) {
    await this.page.goto(path);
    await expect(this.banner).toBeVisible({ timeout: 30_000 });
  }

  historyEntry(id: string): Locator {
    return this.history.locator(`[data-testid=history-entry][data-id="${id}"]`);
  }

  async delete() {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.page.getByTestId("delete-audit").click();
    await this.page.waitForURL(/\/audits\?deleted=1$/);
  }
}

export class ComparePage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("comparison");
  }

  async open(path: string) {
    await this.page.goto(path);
    await expect(this.root).toBeVisible({ timeout: 30_000 });
  }

  group(kind: "fixed" | "new" | "unchanged"): Locator {
    return this.page.getByTestId(`compare-${kind}`);
  }

  finding(kind: "fixed" | "new" | "unchanged", rule: string, target: string): Locator {
    return this.group(kind).locator(`[data-testid=compare-finding][data-rule="${rule}"][data-target="${target}"]`);
  }

  methodChange(method: string): Locator {
    return this.page.locator(`[data-testid=method-change][data-method="${method}"]`);
  }
}
