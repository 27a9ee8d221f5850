import { expect, test, type Locator, type Page } from "@playwright/test";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { AuditPage } from "./pages/audit-page";
import { SharePanel } from "./pages/share-pages";
import { E2E_EMULATOR_URL } from "./support/servers";

/** The "Probe this stage" panel of the audit page. */
class ProbePanel {
  readonly panel: Locator;
  readonly budget: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId("probe-panel");
    this.budget = page.getByTestId("probe-budget");
    this.results = page.getByTestId("probe-results");
  }

  mark(path: string, verb: string): Locator {
    return this.page.locator(`[data-testid=matrix-cell][data-cell="${path}:${verb}"] [data-testid=probe-mark]`);
  }
}

// The storefront's planted preflight problems (lib/emulator/seeds/storefront.ts) and what the prod stage answers.
const PLANTED_PREFLIGHTS: Array<{ path: string; observed: string }> = [
  { path: "/products", observed: "401" }, // OPTIONS behind the cached TOKEN authorizer
  { path: "/account", observed: "401" }, // OPTIONS behind Cognito
  { path: "/orders", observed: "403" }, // OPTIONS requires an API key
  { path: "/cart", observed: "403" }, // no OPTIONS method: Missing Authentication Token
  { path: "/admin/{proxy+}", observed: "401" }, // authorized ANY answers the preflight
  { path: "/products/{id}", observed: "200" }, // answered, but Allow-Methods/Allow-Headers incomplete
];

// The methods the method-scoped TOKEN authorizer guards that a probe may call (GET only).
const TOKEN_GUARDED_GETS = ["/products:GET", "/products/{id}:GET", "/orders/{id}:GET", "/admin/{proxy+}:ANY"];

test("the storefront's probe marks the planted cells, matches each prediction and sees the authorizer cache's 403 come and go", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1600 });
  const audit = new AuditPage(page);
  await audit.open(STOREFRONT_API_ID, "stage=prod");
  const probe = new ProbePanel(page);
  // Never automatic: nothing is probed until asked.
  await expect(page.getByTestId("probe-mark")).toHaveCount(0);

  await probe.panel.locator("summary").click();
  // The form's fields are controlled: fill them once the page is hydrated (the plan button waits for it).
  await expect(page.getByTestId("probe-plan")).toBeEnabled();
  await page.getByTestId("probe-stage").selectOption("prod");
  await page.getByTestId("probe-repeat").fill("5");
  await page.getByTestId("probe-actual").check();
  // Five callers, fresh for this run (the authorizer cache lives 300 s): each round is another caller's first request.
  const run = Date.now();
  await page.getByTestId("probe-identities").fill([1, 2, 3, 4, 5].map((n) => `allow-e2e-${run}-${n}`).join("\n"));
  await expect(page.getByTestId("probe-stage")).toHaveValue("prod");
  await expect(page.getByTestId("probe-actual")).toBeChecked();
  await page.getByTestId("probe-plan").click();

  // The budget is shown before anything is sent, naming the only URL the probe talks to.
  await expect(probe.budget).toBeVisible({ timeout: 30_000 });
  await expect(probe.budget).toContainText(`requests to ${E2E_EMULATOR_URL}/restapis/${STOREFRONT_API_ID}/prod/_user_request_`);
  const requests = Number(await probe.budget.getAttribute("data-requests"));
  expect(requests).toBeGreaterThan(0);
  await expect(page.getByTestId("probe-mark")).toHaveCount(0);

  await page.getByTestId("probe-confirm").click();
  await expect(probe.results).toBeVisible({ timeout: 60_000 });
  await expect(probe.results).toContainText(`${requests} of ${requests} requests`);

  for (const { path, observed } of PLANTED_PREFLIGHTS) {
    const mark = probe.mark(path, "OPTIONS");
    await expect(mark, `OPTIONS ${path}`).toHaveAttribute("data-observed", observed);
    await expect(mark, `OPTIONS ${path}`).toHaveAttribute("data-predicted", observed);
    await expect(mark, `OPTIONS ${path}`).toHaveAttribute("data-outcome", "matches");
  }
  // The planted cells sit in cells with findings: the mark is beside the finding, not instead of it.
  await expect(audit.cell("/products", "OPTIONS")).toHaveAttribute("data-severity", /critical|high/);
  // No probe finding says Preflight's prediction was wrong.
  await expect(page.locator("[data-testid=probe-finding][data-kind=prediction-mismatch]")).toHaveCount(0);

  // The method-scoped authorizer's cached policy: 200 for the method a caller reached first, 403 elsewhere.
  const outcomes = await Promise.all(
    TOKEN_GUARDED_GETS.map((key) => {
      const [path, verb] = [key.slice(0, key.lastIndexOf(":")), key.slice(key.lastIndexOf(":") + 1)];
      return probe.mark(path, verb).getAttribute("data-outcome");
    }),
  );
  expect(outcomes).toContain("intermittent");
  const intermittent = page.locator("[data-testid=probe-finding][data-kind=intermittent-answer]").first();
  await expect(intermittent).toContainText(/200 ×\d.*403 AccessDeniedException ×\d|403 AccessDeniedException ×\d.*200 ×\d/);
  await expect(intermittent).toContainText("as predicted");
  await page.screenshot({ path: "test-output/probe-storefront.png", fullPage: true });

  // Shared with the audit: the stored copy shows the same marks without probing again, and no test identity.
  const link = await new SharePanel(page).share("never");
  await page.goto(link);
  await expect(page.getByTestId("probe-results")).toBeVisible({ timeout: 30_000 });
  await expect(probe.mark("/orders", "OPTIONS")).toHaveAttribute("data-outcome", "matches");
  expect(await page.content()).not.toContain(`allow-e2e-${run}`);
});
