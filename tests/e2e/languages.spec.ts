import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import type { AppMessages } from "../../messages";
import { PASSWORD, saveApiKey, uniqueEmail } from "./support/accounts";
import { waitForMailLink } from "./support/mail";
import { e2eStack } from "./support/stack";

// Expectations come from the catalogs, so these tests prove what is rendered, not what is written.
function catalogs(locale: "en" | "tr") {
  const read = <N extends keyof AppMessages>(namespace: N): AppMessages[N] =>
    JSON.parse(readFileSync(path.join(import.meta.dirname, "../../messages", locale, `${namespace}.json`), "utf8"));
  return {
    auth: read("auth"),
    nav: read("nav"),
    common: read("common"),
    apiKey: read("apiKey"),
    dashboard: read("dashboard"),
    team: read("team"),
    invite: read("invite"),
    reports: read("reports"),
    reportExports: read("reportExports"),
  };
}
const tr = catalogs("tr");
const en = catalogs("en");
type Catalogs = typeof tr;

/** A catalog message with its {placeholders} filled (no plurals or tags in the ones used here). */
const fill = (message: string, values: Record<string, string>) => message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");

async function signUpIn(page: Page, t: Catalogs, email = uniqueEmail("lang")) {
  await page.goto("/signup");
  await page.getByLabel(t.auth.signup.name).fill("İlkay Işık");
  await page.getByLabel(t.auth.signup.email).fill(email);
  await page.getByLabel(t.auth.signup.password).fill(PASSWORD);
  await page.getByLabel(t.auth.signup.workspaceName).fill("Irmak İletişim");
  await page.getByRole("button", { name: t.auth.signup.submit }).click();
  // The browser tests run with email configured: confirm the address through the mailed link, then log in.
  await expect(page.getByRole("status")).toContainText(email);
  const { link } = await waitForMailLink(email, "/verify-email/");
  await page.goto(link);
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/settings/api-key")}`);
  await logInAs(page, t, email);
  await expect(page).toHaveURL(/\/settings\/api-key/);
  return email;
}

async function logInAs(page: Page, t: Catalogs, email: string) {
  await page.getByLabel(t.auth.login.email).fill(email);
  await page.getByLabel(t.auth.login.password).fill(PASSWORD);
  await page.getByRole("button", { name: t.auth.login.submit }).click();
}

const header = (page: Page) => page.getByRole("banner");

test.describe("a Turkish browser", () => {
  test.use({ locale: "tr-TR", timezoneId: "Europe/Istanbul" });

  test("gets the login page and, after logging in, the portal in Turkish, with Turkish number separators", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "tr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(tr.auth.login.title);
    await expect(page.getByRole("button", { name: tr.auth.login.submit })).toBeVisible();

    await signUpIn(page, tr);
    await expect(page.locator("html")).toHaveAttribute("lang", "tr");
    await page.getByLabel(tr.apiKey.field).fill(e2eStack().demoKey);
    await page.getByRole("button", { name: tr.apiKey.save }).click();
    await expect(page.getByTestId("key-last4")).toBeVisible();

    await page.goto("/dashboard");
    await expect(header(page).getByRole("link", { name: tr.nav.dashboard })).toBeVisible();
    await expect(header(page).getByRole("button", { name: tr.nav.logOut })).toBeVisible();
    await expect(page.getByRole("heading", { name: tr.dashboard.organizations })).toBeVisible();
    const credits = page.getByTestId("member-credit");
    await expect(credits.first()).toBeVisible();
    // The simulator's demo organization holds 1200 credits: "1.200,00" in Turkish.
    await expect(credits.filter({ hasText: /^\d{1,3}(\.\d{3})+,\d{2,6}$/ }).first()).toBeVisible();
    for (const text of await credits.allTextContents()) expect(text).toMatch(/^\d{1,3}(\.\d{3})*,\d{2,6}$/);
  });

  test("the members page, an invitation link and a CSV export are in Turkish", async ({ page, browser }) => {
    await signUpIn(page, tr);
    await page.getByLabel(tr.apiKey.field).fill(e2eStack().demoKey);
    await page.getByRole("button", { name: tr.apiKey.save }).click();
    await expect(page.getByTestId("key-last4")).toBeVisible();

    await page.goto("/settings/members");
    await expect(page).toHaveTitle(new RegExp(tr.team.metaTitle));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(tr.team.title);
    await expect(page.getByRole("columnheader", { name: tr.team.columns.joined })).toBeVisible();
    const invitee = uniqueEmail("davetli");
    await page.getByLabel(tr.team.email).fill(invitee);
    await page.getByLabel(tr.team.role, { exact: true }).selectOption({ label: tr.common.roles.viewer });
    await page.getByRole("button", { name: tr.team.invite, exact: true }).click();
    const link = await page.getByLabel(tr.team.inviteLink).inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    // The browser tests run with email configured, so the link was mailed too.
    const delivery = fill(tr.team.delivery.sent, { email: invitee });
    await expect(page.getByRole("status").filter({ hasText: invitee })).toHaveText(fill(tr.team.invited, { email: invitee, role: tr.common.roles.viewer, delivery }));
    await expect(page.getByTestId(`invite-${invitee}`)).toContainText(tr.common.roles.viewer);
    // The visible word of each row button (the email after it is for screen readers).
    const visibleWord = (message: string) => message.split("<hidden>")[0]!;
    await expect(page.getByTestId(`invite-${invitee}`).getByRole("button", { name: visibleWord(tr.team.revoke) })).toBeVisible();
    await expect(page.getByTestId(`invite-${invitee}`).getByRole("button", { name: visibleWord(tr.team.resend) })).toBeVisible();

    // The invitee, in another Turkish browser, opens the real link.
    const inviteeContext = await browser.newContext({ locale: "tr-TR" });
    const guest = await inviteeContext.newPage();
    await guest.goto(link);
    await expect(guest.locator("html")).toHaveAttribute("lang", "tr");
    await expect(guest.getByRole("heading", { level: 1 })).toHaveText(fill(tr.invite.title, { workspace: "Irmak İletişim" }));
    await expect(guest.getByText(tr.common.roles.viewer, { exact: true })).toBeVisible();
    await expect(guest.getByLabel(tr.invite.name)).toBeVisible();
    await expect(guest.getByRole("button", { name: tr.invite.createAndJoin })).toBeVisible();
    await inviteeContext.close();

    // The exported sendings' header row is in the exporter's language.
    await page.goto("/reports");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: tr.reports.downloadCsv }).click()]);
    const file = await readFile((await download.path())!, "utf8");
    const header = Object.values(tr.reportExports.sendings).map((title) => fill(title, { timeZone: "Europe/Istanbul" }));
    expect(file.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(header.join(","));
  });

  test("switching to English persists across logout and login, even in a fresh browser", async ({ page, browser }) => {
    const email = await signUpIn(page, tr);
    await header(page).getByLabel(tr.common.language).selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(header(page).getByRole("link", { name: en.nav.account })).toBeVisible();

    await header(page).getByRole("button", { name: en.nav.logOut }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.auth.login.title);
    await logInAs(page, en, email);
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(header(page).getByRole("link", { name: en.nav.dashboard })).toBeVisible();

    // Another Turkish browser: the login page follows the browser, the account follows the saved choice.
    const fresh = await browser.newContext({ locale: "tr-TR" });
    const other = await fresh.newPage();
    await other.goto("/login");
    await expect(other.locator("html")).toHaveAttribute("lang", "tr");
    await logInAs(other, tr, email);
    await expect(other).toHaveURL(/\/dashboard/);
    await expect(other.locator("html")).toHaveAttribute("lang", "en");
    await expect(header(other).getByRole("link", { name: en.nav.account })).toBeVisible();
    await fresh.close();
  });

  test("the login page offers the switch to visitors", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel(tr.common.language).selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.auth.login.title);
    await page.goto("/signup");
    await expect(page.getByRole("button", { name: en.auth.signup.submit })).toBeVisible();
  });
});

test.describe("an English browser", () => {
  test.use({ locale: "en-US" });

  test("gets everything in English, with English number separators", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.auth.login.title);
    await signUpIn(page, en);
    await saveApiKey(page, e2eStack().demoKey);
    await expect(page.getByTestId("key-last4")).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: en.dashboard.organizations })).toBeVisible();
    const credits = page.getByTestId("member-credit");
    await expect(credits.filter({ hasText: /^\d{1,3}(,\d{3})+\.\d{2,6}$/ }).first()).toBeVisible();
    for (const text of await credits.allTextContents()) expect(text).toMatch(/^\d{1,3}(,\d{3})*\.\d{2,6}$/);
  });
});
