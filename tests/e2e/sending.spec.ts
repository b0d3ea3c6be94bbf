import { expect, test, type Page } from "@playwright/test";
import { logIn, logOut, ownerWithDemoKey, signUp, uniqueEmail } from "./support/accounts";
import { joinOwnersWorkspace } from "./support/database";

test.describe.configure({ mode: "serial" });

let ownerEmail: string;
let senderEmail: string;
/** The single-send request the sender's browser made, replayed later by a viewer. */
let capturedSend: { url: string; headers: Record<string, string>; body: Buffer } | undefined;

async function memberWithRole(page: Page, role: "sender" | "viewer") {
  const email = await signUp(page, uniqueEmail(role), `${role} own workspace`);
  await joinOwnersWorkspace(email, ownerEmail, role);
  await page.goto("/dashboard");
  return email;
}

test("a sender sends one SMS typed as 0555 123 45 67 and gets the link to its report", async ({ page }) => {
  ownerEmail = await ownerWithDemoKey(page);
  await logOut(page);
  senderEmail = await memberWithRole(page, "sender");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Send", exact: true }).click();
  await expect(page).toHaveURL(/\/send$/);
  await expect(page.getByTestId("send-context")).toHaveText("Personal credit");
  await page.getByLabel("Recipient").fill("0555 123 45 67");
  await page.getByLabel("Message").fill("Kargonuz yola çıktı");
  await expect(page.getByTestId("sms-characters")).toHaveText("19 / 160 characters");
  await expect(page.getByTestId("sms-encoding")).toHaveText("Unicode");
  await expect(page.getByTestId("sms-unicode-hint")).toContainText("“ç” “ı”");
  await expect(page.getByLabel("Service")).toHaveValue(/.+/);
  await expect(page.getByTestId("cost-estimate")).toContainText("0.012 × 1 = 0.012 USD");

  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"] && new URL(request.url()).pathname === "/send") {
      capturedSend = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
    }
  });
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status")).toContainText("Sent to +90 555 123 45 67");
  const link = page.getByRole("link", { name: "View its report" });
  await expect(link).toHaveAttribute("href", /^\/reports\/[0-9a-f-]{36}$/);
  expect(capturedSend).toBeDefined();

  // A wrong number never leaves: the field says why.
  await page.getByLabel("Recipient").fill("0212 123 45 67");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("This is a landline number")).toBeVisible();
});

test("a CSV with duplicates and invalid lines is reviewed, confirmed and sent in chunks with live progress", async ({ page }) => {
  await page.goto("/login");
  await logIn(page, senderEmail);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/send/bulk");
  const csv = ["name;phone", "Ayşe;0555 111 22 33", "Ali;+90 555 111 22 33", "Veli;0555 111 22 44", "Can;0212 123 45 67", "", "Deniz;05551112255", "Ece;0555 111 22 66"].join("\n");
  await page.getByLabel("Or upload a CSV or Excel (.xlsx) file").setInputFiles({ name: "numbers.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`) });
  await page.getByLabel("Message").fill("Yeni kampanya");
  await page.getByRole("button", { name: "Review" }).click();

  const review = page.getByTestId("bulk-review");
  await expect(review.getByTestId("review-valid")).toHaveText("4");
  await expect(review.getByTestId("review-duplicates")).toHaveText("1");
  await expect(review.getByTestId("review-invalid")).toHaveText("1");
  await expect(review.getByRole("cell", { name: "0212 123 45 67" })).toBeVisible();
  await expect(review.getByLabel("Column with the numbers")).toHaveValue("1");
  await expect(review.getByTestId("review-cost")).toContainText("= 0.048 USD");
  const download = page.waitForEvent("download");
  await review.getByRole("link", { name: "Download invalid lines (CSV)" }).click();
  const file = await download;
  expect(await streamText(await file.createReadStream())).toContain("landline");

  await review.getByRole("button", { name: "Send to 4 recipients" }).click();
  await expect(page).toHaveURL(/\/send\/campaigns\/[0-9a-f-]{36}$/);
  // The page follows the worker without a reload: chunks of at most 3 numbers (the test stack's bulk limit).
  await expect(page.getByTestId("campaign-state")).toHaveText("Completed", { timeout: 30_000 });
  await expect(page.getByTestId("progress-chunks")).toHaveText("2 / 2");
  await expect(page.getByTestId("progress-recipients")).toHaveText("4 / 4");
  await expect(page.getByTestId("progress-sendings")).toHaveText("2");
  await expect(page.locator('a[href^="/reports/"]')).toHaveCount(2);
});

test("a campaign scheduled for later is listed and can be cancelled before it starts", async ({ page }) => {
  await page.goto("/login");
  await logIn(page, senderEmail);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/send/bulk");
  await page.getByLabel("Recipients").fill("0555 222 33 44\n0555 222 33 55");
  await page.getByLabel("Message").fill("Yarın görüşürüz");
  await page.getByRole("button", { name: "Review" }).click();
  const review = page.getByTestId("bulk-review");
  await review.getByLabel("Send later").check();
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await review.getByLabel("Send at").fill(local);
  await review.getByRole("button", { name: "Send to 2 recipients" }).click();
  await expect(page.getByTestId("campaign-state")).toHaveText("Scheduled");
  const campaignUrl = page.url();

  await page.goto("/send/campaigns");
  await expect(page.getByRole("row", { name: /Yarın görüşürüz/ })).toContainText("Scheduled");
  await page.goto(campaignUrl);
  await page.getByRole("button", { name: "Cancel campaign" }).click();
  await expect(page.getByTestId("campaign-state")).toHaveText("Cancelled");
});

test("a viewer sees neither form, and their direct POSTs are refused", async ({ page }) => {
  await page.goto("/login");
  await memberWithRole(page, "viewer");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Services" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Send", exact: true })).toHaveCount(0);
  for (const path of ["/send", "/send/bulk"]) {
    await page.goto(path);
    await expect(page.getByLabel("Message")).toHaveCount(0);
    // The plain 403 page every role-refused page shows.
    await expect(page.getByText("Your role in this workspace doesn't allow this.")).toBeVisible();
  }

  // The sender's own request, replayed with the viewer's session and a fresh idempotency key.
  expect(capturedSend).toBeDefined();
  const sent = capturedSend!.body.toString("latin1");
  const body = sent.replace(/(name="[^"]*idempotencyKey"\r\n\r\n)[0-9a-f-]{36}/, `$1${crypto.randomUUID()}`);
  expect(body).not.toBe(sent);
  const headers = Object.fromEntries(Object.entries(capturedSend!.headers).filter(([name]) => name !== "cookie"));
  const replay = await page.request.fetch(capturedSend!.url, { method: "POST", headers, data: Buffer.from(body, "latin1") });
  expect(await replay.text()).toContain("Your role in this workspace doesn't allow this.");

  const review = await page.request.post("/api/bulk/review", {
    headers: { "content-type": "text/plain", "x-bulk-review": encodeURIComponent(JSON.stringify({ workspaceId: "x", source: "text", column: null, message: "hi", serviceId: "x" })) },
    data: "05551234567",
  });
  expect(review.status()).toBe(403);
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk.toString();
  return text;
}
