import { expect, test } from "@playwright/test";
import { logIn, PASSWORD, saveApiKey, signUp } from "./support/accounts";
import { e2eStack } from "./support/stack";

test("log out everywhere ends the session in every other browser too", async ({ page, browser }) => {
  const email = await signUp(page);
  const otherBrowser = await browser.newContext();
  const otherPage = await otherBrowser.newPage();
  await otherPage.goto("/login");
  await logIn(otherPage, email);
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await page.goto("/settings");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Log out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);

  const session = await otherPage.request.get("/api/auth/session");
  expect(await session.json()).not.toHaveProperty("user");
  await otherPage.goto("/settings");
  await expect(otherPage).toHaveURL(/\/login\?callbackUrl=%2Fsettings/);
  await otherBrowser.close();
});

test("changing the password needs the current one, then logs out and only the new one works", async ({ page }) => {
  const email = await signUp(page);
  await page.goto("/settings");
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill("an even longer passphrase");
  await page.getByLabel("Repeat new password").fill("an even longer passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("an even longer passphrase");
  await page.getByLabel("Repeat new password").fill("an even longer passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login/);

  await logIn(page, email, PASSWORD);
  await expect(page.locator("form [role=alert]")).toHaveText("Email or password is wrong.");
  await page.reload();
  await logIn(page, email, "an even longer passphrase");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a member with two workspaces switches between them and the choice is remembered", async ({ page }) => {
  const email = await signUp(page, undefined, "First Company");
  await page.goto("/workspaces/new");
  await page.getByLabel("Workspace name").fill("Second Company");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/settings\/api-key/);
  await expect(page.getByText("One key for the whole workspace Second Company")).toBeVisible();

  const switcher = page.getByLabel("Workspace", { exact: true });
  await expect(switcher.locator("option")).toHaveText(["First Company", "Second Company"]);
  await switcher.selectOption({ label: "First Company" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("First Company");

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await logIn(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("First Company");

  // From the keyboard, arrows only move the choice; Enter applies it. A switch is a
  // server action (a POST carrying a next-action header): count them instead of
  // waiting a while to see that nothing happened.
  const switches: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) switches.push(request.postData() ?? "");
  });
  const keyboardSwitcher = page.getByLabel("Workspace", { exact: true });
  const secondId = (await keyboardSwitcher.locator("option", { hasText: "Second Company" }).getAttribute("value")) ?? "";
  await keyboardSwitcher.focus();
  await page.keyboard.press("ArrowDown");
  // The choice moved (the change event has run), the page did not.
  await expect(keyboardSwitcher).toHaveValue(secondId);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("First Company");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Second Company");
  // Had the arrow switched, its action would have been sent before Enter's.
  expect(switches).toHaveLength(1);
  expect(switches[0]).toContain(secondId);
});

test("a tab left open on another workspace cannot change the workspace switched to elsewhere", async ({ page, context }) => {
  await signUp(page, undefined, "Alpha Company");
  await saveApiKey(page, e2eStack().demoKey);
  await expect(page.getByTestId("key-last4")).toBeVisible();

  const otherTab = await context.newPage();
  await otherTab.goto("/workspaces/new");
  await otherTab.getByLabel("Workspace name").fill("Beta Company");
  await otherTab.getByRole("button", { name: "Create workspace" }).click();
  await expect(otherTab).toHaveURL(/\/settings\/api-key/);

  // The first tab still shows Alpha's key page; Beta is now the current workspace.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Remove key" }).click();
  await expect(page.getByText("You switched workspace in another tab")).toBeVisible();
  await otherTab.getByLabel("Workspace", { exact: true }).selectOption({ label: "Alpha Company" });
  await expect(otherTab.getByRole("heading", { level: 1 })).toHaveText("Alpha Company");
  await otherTab.goto("/settings/api-key");
  await expect(otherTab.getByTestId("key-last4")).toBeVisible();
});
