import { expect, test } from "@playwright/test";
import { logIn, logOut, saveApiKey, signUp } from "./support/accounts";
import { e2eStack, simOrganizations } from "./support/stack";

test("a new owner signs up, is refused a wrong key, connects the real one and picks an organization", async ({ page }) => {
  const { demoKey } = e2eStack();
  const email = await signUp(page);

  await saveApiKey(page, "ysk_this_key_does_not_exist");
  await expect(page.getByText("Yazsana did not accept this key")).toBeVisible();
  await expect(page.getByText("No key yet")).toBeVisible();

  await saveApiKey(page, demoKey);
  await expect(page.getByRole("status").filter({ hasText: "Key verified" })).toBeVisible();
  await expect(page.getByTestId("key-last4")).toHaveText(`•••• ${demoKey.slice(-4)}`);
  await expect(page.getByLabel("Yazsana API key")).toHaveValue("");

  const organizations = await simOrganizations();
  const active = organizations.filter((organization) => organization.state);
  const switcher = page.getByLabel("Context");
  await expect(switcher.locator("option")).toHaveText(
    ["Personal credit", ...organizations.map((o) => (o.state ? o.name : `${o.name} (disabled)`))],
  );

  await page.goto("/dashboard");
  for (const organization of organizations) {
    await expect(page.getByRole("rowheader", { name: organization.name })).toBeVisible();
  }
  const chosen = active[0]!;
  await page.getByLabel("Context").selectOption({ label: chosen.name });
  await expect(page.getByRole("rowheader", { name: chosen.name })).toContainText("current context");
  await page.reload();
  await expect(page.getByLabel("Context")).toHaveValue(chosen.id);

  await logOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);
  await logIn(page, email.toUpperCase());
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByLabel("Context")).toHaveValue(chosen.id);
});

test("a wrong password gets one message that does not reveal whether the account exists", async ({ page }) => {
  const email = await signUp(page);
  await logOut(page);
  const formAlert = page.locator("form [role=alert]");
  await logIn(page, email, "not the right password");
  await expect(formAlert).toHaveText("Email or password is wrong.");
  await page.reload();
  await logIn(page, "nobody-here@example.com", "not the right password");
  await expect(formAlert).toHaveText("Email or password is wrong.");
  await expect(page).toHaveURL(/\/login/);
});

test("a visitor without a session is sent to log in and then back where they were going", async ({ page }) => {
  const email = await signUp(page);
  await logOut(page);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings/);
  await logIn(page, email);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
});

test("sign-up shows problems next to the fields and creates nothing", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("X");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Workspace name").fill("Y");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Enter at least 2 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});
