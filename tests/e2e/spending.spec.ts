import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { logIn, logOut, ownerWithDemoKey, signUp, uniqueEmail } from "./support/accounts";
import { joinOwnersWorkspace } from "./support/database";
import { waitForMailLink } from "./support/mail";

/**
 * Issue #13's scenario: an owner sets a sender's daily cap to 2 and an
 * approval rule of 2 recipients; the sender sends two single SMS, the third is
 * refused with the reset time; the sender's 3-recipient campaign waits for
 * approval; the owner approves it; it is sent once.
 *
 * The campaign goes beyond the sender's cap (nothing left of 2 today), but it
 * is above the approval rule, so it waits for approval anyway, visibly: the
 * review warns the sender, /send/approvals tells the owner by how much, and
 * the owner ticks the override before approving. Then the spending report
 * shows it, filtered in the URL and as CSV.
 */

async function logInAs(page: Page, email: string) {
  await page.goto("/login");
  await logIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function sendOne(page: Page, recipient: string) {
  await page.getByLabel("Recipient").fill(recipient);
  await page.getByLabel("Message").fill("Sınırlı gönderim");
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

async function setDailyCap(page: Page, email: string, cap: string) {
  await page.getByLabel(`Daily cap for ${email}`).fill(cap);
  const row = page.getByTestId(`spend-${email}`);
  await row.getByRole("button", { name: "Save", exact: true }).click();
  await expect(row.getByRole("status")).toHaveText(`Limits of ${email} saved.`);
}

async function reviewCampaign(page: Page) {
  await page.goto("/send/bulk");
  await page.getByLabel("Recipients").fill("0555 300 00 11\n0555 300 00 12\n0555 300 00 13");
  await page.getByLabel("Message").fill("Onaylı kampanya");
  await page.getByRole("button", { name: "Review" }).click();
}

test("a capped sender's third SMS is refused and their campaign is sent once after the owner approves it", async ({ page }) => {
  const ownerEmail = await ownerWithDemoKey(page);
  await logOut(page);
  const senderEmail = await signUp(page, uniqueEmail("sender"), "Sender's own workspace");
  await joinOwnersWorkspace(senderEmail, ownerEmail, "sender");
  await page.goto("/dashboard");
  await logOut(page);

  // The owner sets the sender's daily cap and the approval rule.
  await logInAs(page, ownerEmail);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Spending", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/spending$/);
  await setDailyCap(page, senderEmail, "2");
  await page.getByLabel("Approval above recipients").fill("2");
  await page.getByRole("button", { name: "Save rule" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approval rule saved." })).toBeVisible();
  await expect(page.getByLabel(`Daily cap for ${senderEmail}`)).toHaveValue("2");
  await logOut(page);

  // The sender sends two single SMS; the third is refused with the reset time, and nothing more reaches Yazsana.
  await logInAs(page, senderEmail);
  await page.goto("/send");
  await expect(page.getByTestId("spend-allowance")).toContainText("Messages left today: 2 of 2");
  await sendOne(page, "0555 300 00 01");
  await expect(page.getByRole("status")).toContainText("Sent to +90 555 300 00 01");
  await expect(page.getByTestId("spend-allowance")).toContainText("Messages left today: 1 of 2");
  await sendOne(page, "0555 300 00 02");
  await expect(page.getByRole("status")).toContainText("Sent to +90 555 300 00 02");
  await expect(page.getByTestId("spend-allowance")).toContainText("Messages left today: 0 of 2");
  await sendOne(page, "0555 300 00 03");
  await expect(page.getByRole("alert").filter({ hasText: "Daily cap reached" })).toContainText(/Daily cap reached: you can send no more messages today \(cap 2\)\. It resets at .+ \(Europe\/Istanbul\)\. Nothing was sent\./);

  // The 3-recipient campaign is above the approval rule: it may go beyond the cap, and waits for approval holding its 3 messages.
  await reviewCampaign(page);
  const review = page.getByTestId("bulk-review");
  await expect(review.getByTestId("spend-over-limit")).toHaveText("This campaign goes beyond your daily cap by 3 messages.");
  await expect(review.getByTestId("spend-allowance")).toContainText("Messages left today: 0 of 2");
  await expect(review.getByTestId("spend-allowance")).toContainText("approves going beyond your limit");
  await review.getByRole("button", { name: "Send to 3 recipients" }).click();
  await expect(page).toHaveURL(/\/send\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("campaign-state")).toHaveText("Awaiting approval");
  const campaignPath = new URL(page.url()).pathname;
  await page.goto("/send/campaigns");
  await expect(page.getByRole("row", { name: /Onaylı kampanya/ })).toContainText("Awaiting approval");
  await logOut(page);

  // The owner follows the approval email to /send/approvals and approves it; it is sent once.
  await logInAs(page, ownerEmail);
  const { link } = await waitForMailLink(ownerEmail, "/send/approvals");
  await page.goto(link);
  const request = page.getByRole("row", { name: /Onaylı kampanya/ });
  await expect(request).toContainText(senderEmail);
  await expect(request.getByTestId("over-limit")).toContainText("Exceeds the requester's daily cap by 3 messages.");
  await request.getByLabel("I approve sending it beyond the requester's limit").check();
  await request.getByRole("button", { name: "Approve" }).click();
  // Approved: it leaves the queue.
  await expect(page.getByText("Nothing is waiting for approval.")).toBeVisible();
  await page.goto(campaignPath);
  await expect(page.getByTestId("campaign-state")).toHaveText("Completed", { timeout: 30_000 });
  await expect(page.getByTestId("progress-recipients")).toHaveText("3 / 3");
  await expect(page.getByTestId("progress-sendings")).toHaveText("1");
  await expect(page.getByText(/Approved by /)).toBeVisible();
  expect(new URL((await waitForMailLink(senderEmail, "/send/campaigns/")).link).pathname).toBe(campaignPath);

  // The spending report: filters live in the URL, and the CSV holds the same rows.
  await page.goto("/reports/spending");
  const filters = page.getByRole("form", { name: "Filters" });
  const month = await filters.getByLabel("Month").inputValue();
  await filters.getByLabel("Context").selectOption({ label: "Personal credit" });
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/spending\\?month=${month}&context=personal$`));
  const row = page.getByTestId(`spending-${senderEmail}-personal`);
  // Cells after the member: context, messages, cost, budget used, cap left today.
  await expect(row.getByRole("cell").nth(0)).toHaveText("Personal credit");
  await expect(row.getByRole("cell").nth(1)).toHaveText("5");
  await expect(row.getByRole("cell").nth(4)).toHaveText("0 / 2");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain("member_name,member_email,context,context_name,month,messages,cost,currency,monthly_budget,budget_used_percent,daily_cap,cap_left_today");
  expect(csv).toMatch(new RegExp(`${senderEmail.replace(/[.+]/g, "\\$&")},personal,Personal credit,${month},5,[0-9.]+,\\w+,,,2,0`));
  await page.goto("/reports/spending?month=2020-01&context=personal");
  await expect(page.getByText("Nothing was sent or reserved in 2020-01.")).toBeVisible();
});
