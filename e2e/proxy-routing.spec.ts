import { expect, test } from "@playwright/test";
import { PROXY_API_ID } from "@/lib/emulator/seeds/proxy";
import { AuditPage } from "./pages/audit-page";

/**
 * The SAM-layout demo: preflights of resources without OPTIONS are answered by another resource (API Gateway resolves
 * the resource and the method as a pair). The matrix says so and links to the serving method; the finding names it.
 */
test("the proxy demo shows preflights served by another resource, linked, with the finding that names it", async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.open(PROXY_API_ID);

  const orders = audit.cell("/orders", "OPTIONS");
  await expect(orders).toHaveAttribute("data-state", "served");
  await expect(orders).toContainText("served by");
  await expect(orders).toContainText("/{proxy+}");
  await expect(orders).toHaveAttribute("data-severity", "high");

  // The link selects the serving method's cell.
  await orders.getByTestId("served-by-link").click();
  await expect(audit.detail).toHaveAttribute("data-cell", "/{proxy+}:ANY");
  await expect(audit.cell("/{proxy+}", "ANY")).toHaveAttribute("aria-selected", "true");

  // The served cell's own detail carries the finding, worded by what answers the preflight.
  await orders.click();
  await expect(audit.detail).toHaveAttribute("data-cell", "/orders:OPTIONS");
  await expect(audit.detail.getByTestId("detail-served-by")).toContainText("/{proxy+}");
  const card = audit.detail.locator("[data-testid=finding-card][data-rule=any-method-answers-preflight]");
  await expect(card).toContainText(
    "OPTIONS /orders is answered by ANY /{proxy+}, which requires the Lambda authorizer 'jwt': 401 every time.",
  );

  // A fall-through to an open {param} sibling's OPTIONS is served and not flagged; a resource's own OPTIONS is a method.
  const me = audit.cell("/users/me", "OPTIONS");
  await expect(me).toHaveAttribute("data-state", "served");
  await expect(me.getByTestId("served-by-link")).toHaveText("/users/{userId}");
  await expect(me).not.toHaveAttribute("data-severity", /.+/);
  await expect(audit.cell("/orders/{id}/items", "OPTIONS")).toHaveAttribute("data-state", "method");
  await page.screenshot({ path: "test-output/screenshots/audit-proxy.png" });
});
