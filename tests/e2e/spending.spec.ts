import { expect, test, type Page } from "@playwright/test";
import { logIn, logOut, ownerWithDemoKey, signUp, uniqueEmail } from "./support/accounts";
import { joinOwnersWorkspace } from "./support/database";

/**
 * Issue #13's scenario: an owner sets a sender's daily cap to 2 and an
 * approval rule of 2 recipients; the sender sends two single SMS, the third is
 * refused with the reset time; the sender's 3-recipient campaign waits for
 * approval; the owner approves it; it is sent once.
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
  await page.getByLabel(`Daily cap for ${senderEmail}`).fill("2");
  const senderRow = page.getByTestId(`spend-${senderEmail}`);
  await senderRow.getByRole("button", { name: "Save", exact: true }).click();
  await expect(senderRow.getByRole("status")).toHaveText(`Limits of ${senderEmail} saved.`);
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

  // The sender's 3-recipient campaign waits for approval.
  await page.goto("/send/bulk");
  await page.getByLabel("Recipients").fill("0555 300 00 11\n0555 300 00 12\n0555 300 00 13");
  await page.getByLabel("Message").fill("Onaylı kampanya");
  await page.getByRole("button", { name: "Review" }).click();
  const review = page.getByTestId("bulk-review");
  await expect(review.getByTestId("spend-allowance")).toContainText("above the workspace's approval rule");
  await review.getByRole("button", { name: "Send to 3 recipients" }).click();
  await expect(page).toHaveURL(/\/send\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("campaign-state")).toHaveText("Awaiting approval");
  const campaignPath = new URL(page.url()).pathname;
  await page.goto("/send/campaigns");
  await expect(page.getByRole("row", { name: /Onaylı kampanya/ })).toContainText("Awaiting approval");
  await logOut(page);

  // The owner approves it at /send/approvals; it is sent once.
  await logInAs(page, ownerEmail);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approvals" }).click();
  const request = page.getByRole("row", { name: /Onaylı kampanya/ });
  await expect(request).toContainText(senderEmail);
  await request.getByRole("button", { name: "Approve" }).click();
  // Approved: it leaves the queue.
  await expect(page.getByText("Nothing is waiting for approval.")).toBeVisible();
  await page.goto(campaignPath);
  await expect(page.getByTestId("campaign-state")).toHaveText("Completed", { timeout: 30_000 });
  await expect(page.getByTestId("progress-recipients")).toHaveText("3 / 3");
  await expect(page.getByTestId("progress-sendings")).toHaveText("1");
  await expect(page.getByText(/Approved by /)).toBeVisible();
});
