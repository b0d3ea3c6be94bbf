import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { ownerWithDemoKey } from "./support/accounts";
import { sendThroughApi, simAdmin, uniqueToken } from "./support/sim-sendings";

// Dates and the date filters follow the viewer's zone: run in one that is not UTC.
test.use({ timezoneId: "Europe/Istanbul" });

async function openReports(page: Page, query = "") {
  await page.goto(`/reports${query}`);
  // The first visit tells the server the browser's zone and re-renders once.
  await expect(page.getByText("Times in Europe/Istanbul")).toBeVisible();
}

test("filters, presets and paging live in the URL; Next, Previous and the back button work", async ({ page }) => {
  const token = uniqueToken();
  for (let index = 1; index <= 23; index += 1) await sendThroughApi(`${token} kampanya ${index}`);
  await ownerWithDemoKey(page);
  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole("heading", { name: "Reports" })).toBeVisible();

  await page.getByLabel("Message text").fill(token);
  await expect(page).toHaveURL(new RegExp(`/reports\\?text=${token}$`));
  await expect(page.getByTestId("sendings-total")).toHaveText(/^23 sendings in Personal credit$/);
  await page.getByLabel("Per page").selectOption("10");
  await expect(page).toHaveURL(new RegExp(`limit=10`));
  await expect(page.getByText("Page 1 of 3")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(11);
  // Newest first.
  await expect(page.getByRole("row").nth(1)).toContainText(`${token} kampanya 23`);

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("link", { name: "Next" })).toHaveCount(0);
  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page.getByText("Page 2 of 3")).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/page=3/);
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page.getByText("Page 1 of 3")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/reports\\?text=${token}$`));
  await expect(page.getByLabel("Per page")).toHaveValue("20");
  await expect(page.getByLabel("Message text")).toHaveValue(token);
  await page.goForward();
  await expect(page.getByLabel("Per page")).toHaveValue("10");

  await page.getByLabel("Source").selectOption("panel");
  await expect(page.getByRole("heading", { name: "No sendings match these filters" })).toBeVisible();
  await expect(page.getByText(`sent from the Yazsana panel, containing “${token}”`)).toBeVisible();
  await page.getByLabel("Source").selectOption("api");
  await expect(page.getByTestId("sendings-total")).toHaveText(/^23 sendings/);

  await page.getByRole("link", { name: "Today" }).click();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Istanbul" }).format(new Date());
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
  await expect(page.getByLabel("From")).toHaveValue(today);
  await expect(page.getByTestId("sendings-total")).toHaveText(/^23 sendings/);
  await page.getByLabel("Completed").selectOption("no");
  await expect(page).toHaveURL(/completed=no/);

  await openReports(page, `?text=${token}&limit=10&page=9`);
  await expect(page.getByRole("heading", { name: "Page 9 is past the end" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the last page (page 3)" }).click();
  await expect(page.getByText("Page 3 of 3")).toBeVisible();

  await openReports(page, `?page=abc&limit=-5&source=%3Cscript%3E&from=2025-05-10&to=2025-05-01&text=${token}`);
  await expect(page.getByRole("status").filter({ hasText: "were not understood" })).toContainText(`"limit" must be one of 10, 20, 50, 100`);
  await expect(page.getByTestId("sendings-total")).toHaveText(/^23 sendings/);
});

test("the filter form works without JavaScript", async ({ browser }) => {
  const token = uniqueToken();
  await sendThroughApi(`${token} js yok`);
  const setup = await browser.newPage();
  await ownerWithDemoKey(setup);
  const state = await setup.context().storageState();
  await setup.close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
  const page = await context.newPage();
  await page.goto("/reports");
  await page.getByLabel("Message text").fill(token);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`text=${token}`));
  await expect(page.getByTestId("sendings-total")).toHaveText(/^1 sending in/);
  await context.close();
});

test("drill-down to a sending's messages, status filter, CSV downloads and 404s", async ({ page, playwright }) => {
  const token = uniqueToken();
  const sendingId = await sendThroughApi(`${token} =SUM(1) toplu`, 40);
  await ownerWithDemoKey(page);
  await openReports(page, `?text=${token}`);
  await expect(page.getByTestId("sendings-total")).toHaveText(/^1 sending/);
  await page.getByRole("link", { name: `${token} =SUM(1) toplu` }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/${sendingId}$`));
  await expect(page.getByRole("heading", { name: "Sending report" })).toBeVisible();
  await expect(page.getByTestId("stat-recipients")).toHaveText("40 valid, 0 invalid");
  await expect(page.getByTestId("live-status")).toContainText("All messages have reached a final status", { timeout: 20_000 });

  await page.getByLabel("Status", { exact: true }).selectOption("sent");
  await expect(page).toHaveURL(/status=sent/);
  const total = await page.getByTestId("messages-total").textContent();
  const sent = Number(/^(\d+) messages? match/.exec(total ?? "")?.[1]);
  expect(sent).toBeGreaterThan(0);
  const statusCells = page.getByRole("row").locator("td:nth-child(2)");
  for (const text of await statusCells.allTextContents()) expect(text).toContain("Delivered to the phone.");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sending-[0-9a-f]{8}-messages-\d{4}-\d{2}-\d{2}\.csv$/);
  const file = await readFile((await download.path())!, "utf8");
  expect(file.startsWith("\uFEFFMessage ID,Recipient,Status")).toBe(true);
  const lines = file.trim().split("\r\n");
  expect(lines).toHaveLength(sent + 1);
  expect(lines.slice(1).every((line) => line.includes(",sent,Sent,"))).toBe(true);
  expect(file).toContain(`,${token} =SUM(1) toplu,`);

  await page.getByRole("link", { name: "← All sendings" }).click();
  await openReports(page, `?text=${token}`);
  const [listDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const listFile = await readFile((await listDownload.path())!, "utf8");
  expect(listFile.trim().split("\r\n")).toHaveLength(2);
  expect(listFile).toContain(sendingId);

  expect((await page.goto(`/reports/not-a-uuid`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sending not found" })).toBeVisible();
  expect((await page.goto(`/reports/0cdc7385-5c7c-443e-9db7-3f9c91b2374b`))?.status()).toBe(404);

  const anonymous = await playwright.request.newContext({ baseURL: page.url() });
  const refused = await anonymous.get(`/reports/${sendingId}/messages.csv`, { maxRedirects: 0 });
  expect(refused.status()).toBe(401);
  expect((await anonymous.get("/reports/export.csv", { maxRedirects: 0 })).status()).toBe(401);
  await anonymous.dispose();
});

test("a pending sending refreshes itself until it completes, and on demand", async ({ page }) => {
  const token = uniqueToken();
  await simAdmin.pauseLifecycle(true);
  try {
    const sendingId = await sendThroughApi(`${token} canlı`, 3);
    await ownerWithDemoKey(page);
    await page.goto(`/reports/${sendingId}`);
    const legend = page.getByRole("list", { name: "Message statuses" });
    await expect(legend).toContainText("Pending: 3");
    await expect(page.getByTestId("stat-completed")).toHaveText("No");
    await expect(page.getByTestId("live-status")).toContainText("Updating every few seconds");
    // Marks this document: a full reload would lose it.
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = "still here"));

    await simAdmin.tick(1);
    await page.getByRole("button", { name: "Refresh now" }).click();
    await expect(legend).toContainText("Waiting: 3");

    await simAdmin.tick(1);
    await expect(page.getByTestId("stat-completed")).toHaveText("Yes", { timeout: 20_000 });
    await expect(legend).toContainText("Pending: 0");
    await expect(page.getByTestId("live-status")).toContainText("All messages have reached a final status");
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("still here");
  } finally {
    await simAdmin.pauseLifecycle(false);
  }
});

test("when Yazsana is down, reports say so with a retry while the rest of the portal works", async ({ page }) => {
  await ownerWithDemoKey(page);
  await simAdmin.addFault({ kind: "error", status: 503, operation: "listSendings" });
  try {
    await openReports(page);
    const alert = page.getByRole("alert").filter({ hasText: "Yazsana is unavailable" });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel("Message text")).toBeVisible();
    await page.getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByRole("heading", { name: "Organizations" })).toBeVisible();
    await expect(page.getByText("Yazsana is unavailable")).toHaveCount(0);
    await page.goBack();
    await simAdmin.clearFaults();
    await page.getByRole("link", { name: "Retry" }).click();
    await expect(page.getByTestId("sendings-total").or(page.getByRole("heading", { name: "No sendings yet" }))).toBeVisible();
  } finally {
    await simAdmin.clearFaults();
  }
});
