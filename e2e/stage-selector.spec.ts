import { expect, test } from "@playwright/test";
import { AuditPage } from "./pages/audit-page";

const STOREFRONT = "sfront0001";

/**
 * Issue 13: the stage selector shows what each stage serves (its deployed snapshot, read with GetExport), with the
 * draft as one more choice; a cell says when the draft differs from the selected stage and how.
 */
test("the stage selector shows what each stage serves, the draft as one more choice, and how the draft differs", async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.open(STOREFRONT, "stage=prod");
  await expect(audit.stage.locator("option")).toHaveText(["dev", "prod (canary 10 %)", "draft (current configuration)"]);

  // prod still serves the token authorizer on OPTIONS /orders/{id}; the draft has NONE.
  const preflight = audit.cell("/orders/{id}", "OPTIONS");
  await expect(preflight).toContainText("λ storefront-token");
  await expect(preflight.getByTestId("draft-differs")).toContainText("draft: NONE");

  // GET /account: both stages serve it without the CORS header the draft now maps.
  await expect(audit.cell("/account", "GET").getByTestId("draft-differs")).toContainText("draft changes");

  // The canary-only finding says which share of prod's requests it affects.
  await audit.cell("/account", "OPTIONS").click();
  await expect(audit.detail.locator("[data-testid=finding-card][data-rule=options-requires-api-key]").first()).toContainText(
    "10 % of requests",
  );

  await audit.stage.selectOption("~draft");
  await expect.poll(() => audit.query().get("stage")).toBe("~draft");
  await expect(preflight).not.toContainText("storefront-token");
  await expect(page.getByTestId("draft-differs")).toHaveCount(0);

  await audit.stage.selectOption("dev");
  await expect(preflight).not.toContainText("storefront-token");
  await expect(preflight.getByTestId("draft-differs")).toHaveCount(0);
  await expect(audit.cell("/account", "GET").getByTestId("draft-differs")).toContainText("draft changes");
});
