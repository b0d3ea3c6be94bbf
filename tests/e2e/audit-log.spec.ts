import { expect, test } from "@playwright/test";
import { ownerWithDemoKey } from "./support/accounts";
import { e2eStack } from "./support/stack";

test("removing the key asks first, stores nothing afterwards, and every change is in the audit log", async ({ page }) => {
  const last4 = e2eStack().demoKey.slice(-4);
  await ownerWithDemoKey(page);

  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("button", { name: "Remove key" }).click();
  await expect(page.getByTestId("key-last4")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Remove key" }).click();
  await expect(page.getByText("No key yet")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Connect your Yazsana account" })).toBeVisible();

  await page.getByRole("link", { name: "Audit log" }).click();
  // Sign-ins are audited too; this test is about the key's history.
  const rows = page.getByRole("row").filter({ hasNotText: "Signed in" });
  await expect(rows.nth(1)).toContainText(`Removed the API key`);
  await expect(rows.nth(2)).toContainText(`Saved the API key (ending in ${last4})`);
  await expect(rows.nth(3)).toContainText("Created the workspace");
  await expect(rows.nth(1)).toContainText("Ayşe Yılmaz");
});
