import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import type { AppMessages } from "../../messages";
import { PASSWORD, uniqueEmail } from "./support/accounts";
import { waitForMailLink } from "./support/mail";
import { e2eStack } from "./support/stack";

// Expectations come from the Turkish catalogs, so this proves what is rendered, not what is written.
const read = <N extends keyof AppMessages>(namespace: N): AppMessages[N] =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../../messages/tr", `${namespace}.json`), "utf8"));
const tr = { auth: read("auth"), apiKey: read("apiKey"), sending: read("sending") };
const s = tr.sending;

/** A Turkish owner with the simulator's demo key, signed up and logged in through the Turkish pages. */
async function turkishOwner(page: Page) {
  const email = uniqueEmail("tr-send");
  await page.goto("/signup");
  await page.getByLabel(tr.auth.signup.name).fill("İlkay Işık");
  await page.getByLabel(tr.auth.signup.email).fill(email);
  await page.getByLabel(tr.auth.signup.password).fill(PASSWORD);
  await page.getByLabel(tr.auth.signup.workspaceName).fill("Irmak İletişim");
  await page.getByRole("button", { name: tr.auth.signup.submit }).click();
  await expect(page.getByRole("status")).toContainText(email);
  const { link } = await waitForMailLink(email, "/verify-email/");
  await page.goto(link);
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/settings/api-key")}`);
  await page.getByLabel(tr.auth.login.email).fill(email);
  await page.getByLabel(tr.auth.login.password).fill(PASSWORD);
  await page.getByRole("button", { name: tr.auth.login.submit }).click();
  await expect(page).toHaveURL(/\/settings\/api-key/);
  await page.getByLabel(tr.apiKey.field).fill(e2eStack().demoKey);
  await page.getByRole("button", { name: tr.apiKey.save }).click();
  await expect(page.getByTestId("key-last4")).toBeVisible();
}

test.describe("a Turkish browser on the sending pages", () => {
  test.use({ locale: "tr-TR", timezoneId: "Europe/Istanbul" });

  test("sees /send, /services, the bulk review and a campaign in Turkish, with Turkish money separators", async ({ page }) => {
    // Sign-up with email confirmation, four pages and a campaign through the worker: more than one test's default budget.
    test.slow();
    await turkishOwner(page);

    await page.goto("/send");
    await expect(page).toHaveTitle(new RegExp(s.send.metaTitle));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.send.title);
    await expect(page.getByTestId("send-context")).toHaveText(s.context.personalCredit);
    await page.getByLabel(s.send.recipient).fill("0212 123 45 67");
    await page.getByLabel(s.form.message).fill("Merhaba");
    // The demo's standard service costs 0.012 USD: "0,012" in Turkish.
    await expect(page.getByTestId("cost-estimate")).toContainText("0,012 × 1 = 0,012 USD");
    await page.getByRole("button", { name: s.send.submit, exact: true }).click();
    await expect(page.getByText(s.phone.landline)).toBeVisible();

    await page.goto("/services");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.services.title);
    await expect(page.getByRole("columnheader", { name: s.services.columns.unitPrice })).toBeVisible();
    for (const price of await page.getByTestId("unit-price").allTextContents()) expect(price.trim()).toMatch(/^\d+,\d+$/);
    await expect(page.getByTestId("cheapest-service")).toContainText(/\d,\d{2,6} USD/);

    await page.goto("/send/bulk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.bulk.title);
    await page.getByLabel(s.bulk.recipients).fill("0555 333 44 55\n0555 333 44 66\n0212 123 45 67");
    await page.getByLabel(s.form.message).fill("Kampanya");
    await page.getByRole("button", { name: s.bulk.review, exact: true }).click();
    const review = page.getByTestId("bulk-review");
    await expect(review.getByRole("heading", { name: s.review.title })).toBeVisible({ timeout: 30_000 });
    await expect(review.getByRole("cell", { name: s.phone.landline })).toBeVisible();
    await expect(review.getByTestId("review-cost")).toContainText("0,012 × 2 = 0,024 USD");
    await review.getByRole("button", { name: s.review.sendTo.replace("{count}", "2") }).click();

    await expect(page).toHaveURL(/\/send\/campaigns\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("campaign-state")).toHaveText(s.states.completed, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText(s.detail.title);
    await expect(page.getByRole("columnheader", { name: s.detail.columns.chunk })).toBeVisible();
    await expect(page.getByRole("cell", { name: s.detail.chunkStates.accepted }).first()).toBeVisible();
    await expect(page.getByTestId("campaign-cost")).toContainText("0,024 USD");
  });
});
