import { expect, test } from "@playwright/test";
import { ownerWithDemoKey } from "./support/accounts";
import { e2eStack, simOrganizations } from "./support/stack";

async function simFaults(method: "POST" | "DELETE", body?: unknown) {
  const response = await fetch(`${e2eStack().simUrl}/__sim/faults`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`simulator faults: HTTP ${response.status}`);
}

test.afterEach(async () => {
  await simFaults("DELETE");
});

test("while Yazsana hangs, a page that needs only the header renders without the organization list", async ({ page }) => {
  await ownerWithDemoKey(page);
  const context = page.getByLabel("Context");
  const active = (await simOrganizations()).find((organization) => organization.state)!;
  await context.selectOption({ label: active.name });
  // The choice is stored (and the header re-rendered) before Yazsana starts hanging.
  await expect(async () => {
    await page.reload();
    await expect(context).toHaveValue(active.id, { timeout: 1_000 });
  }).toPass();
  await simFaults("POST", { apiKey: e2eStack().demoKey, operation: "listOrganizations", kind: "timeout" });
  // Switching context drops the cached list, so the next header has to ask the hanging Yazsana.
  // (Personal credit needs no upstream check, so the switch itself does not wait.)
  await context.selectOption("personal");
  await expect(page.getByTestId("org-context-unavailable")).toBeVisible();

  const response = await page.goto("/settings");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
  await expect(page.getByTestId("org-context-unavailable")).toHaveText("Organizations unavailable");
  await expect(page.getByLabel("Context")).toHaveCount(0);

  // Once Yazsana answers again, so does the header.
  await simFaults("DELETE");
  await page.reload();
  await expect(page.getByLabel("Context")).toBeVisible();
});
