import { expect, type Page } from "@playwright/test";
import { waitForMailLink } from "./mail";
import { e2eStack } from "./stack";

export const PASSWORD = "a long test passphrase";
let counter = 0;

export function uniqueEmail(prefix = "owner") {
  return `${prefix}-${Date.now()}-${++counter}@example.com`;
}

/**
 * Signs up as a new owner and ends on Settings → API key. The browser tests
 * run with email configured, so this confirms the address through the link
 * the mail sink caught, then logs in (README → Email).
 */
export async function signUp(page: Page, email = uniqueEmail(), workspaceName = "Acme Messaging") {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ayşe Yılmaz");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText(`Check your email: we sent a message to ${email}.`)).toBeVisible();
  const { link } = await waitForMailLink(email, "/verify-email/");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Email confirmed" })).toBeVisible();
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/settings/api-key?welcome=1")}`);
  await logIn(page, email);
  await expect(page).toHaveURL(/\/settings\/api-key/);
  return email;
}

export async function saveApiKey(page: Page, apiKey: string) {
  await page.getByLabel("Yazsana API key").fill(apiKey);
  await page.getByRole("button", { name: /Verify and (save|replace) key/ }).click();
}

/** A fresh owner whose workspace holds the simulator's demo key. */
export async function ownerWithDemoKey(page: Page) {
  const email = await signUp(page);
  await saveApiKey(page, e2eStack().demoKey);
  await expect(page.getByTestId("key-last4")).toBeVisible();
  return email;
}

export async function logIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The session itself is gone, not only the page: a portal page sends the browser to log in again.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
}
