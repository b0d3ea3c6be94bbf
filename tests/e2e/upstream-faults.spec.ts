import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { ownerWithDemoKey } from "./support/accounts";
import { e2eStack } from "./support/stack";
import { sendThroughApi, uniqueToken } from "./support/sim-sendings";
import { armSlowAnswer, campaignCount, clearFaults, FAULTS, latestSingleSend, type UpstreamFault } from "./support/upstream-faults";

/**
 * Every page and form against every upstream fault, table-driven, in one
 * logged-in browser context (signing up once keeps the suite short: CI runs it
 * on two Node versions). A page under a fault must answer without a 5xx or the
 * error boundary and show that fault's own sentence; a form must keep what it
 * had and record what it did. The slow answer (5 s, under the client's 10 s
 * timeout) is played on a representative subset — a read page, a streamed
 * report, the detail page and a send — since each case costs seconds per call.
 * Not serial: a failing case must not hide the others (after a failure the
 * next worker signs up again in beforeAll).
 */
test.describe.configure({ timeout: 120_000 });

let context: BrowserContext;
let page: Page;
let ownerEmail: string;
let sendingId: string;
let campaignPath: string;
let keyLast4: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  context = await browser.newContext();
  page = await context.newPage();
  ownerEmail = await ownerWithDemoKey(page);
  keyLast4 = (await page.getByTestId("key-last4").textContent()) ?? "";
  sendingId = await sendThroughApi(`${uniqueToken("flt")} arıza`, 2);
  campaignPath = await sendCampaign(["0555 333 44 55", "0555 333 44 66"], "Arıza öncesi kampanya");
  // Generous: the worker shares a loaded 2-core machine with two browsers' worth of servers.
  await expect(page.getByTestId("campaign-state")).toHaveText("Completed", { timeout: 90_000 });
});

test.afterAll(async () => {
  await clearFaults();
  await context?.close();
});

test.afterEach(async () => {
  await clearFaults();
});

/** Reviews and confirms a campaign through the bulk form; returns its progress page. */
async function sendCampaign(numbers: string[], message: string): Promise<string> {
  await page.goto("/send/bulk");
  await page.getByLabel("Recipients").fill(numbers.join("\n"));
  await page.getByLabel("Message").fill(message);
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByTestId("bulk-review").getByRole("button", { name: `Send to ${numbers.length} recipients` }).click();
  await expect(page).toHaveURL(/\/send\/campaigns\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** Opens `path`: no 5xx, no error boundary. */
async function open(path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered`).toBeLessThan(500);
  await expect(page.getByText("This page could not be loaded")).toHaveCount(0);
}

type ReadPage = { name: string; check(fault: UpstreamFault): Promise<void> };

const READ_PAGES: ReadPage[] = [
  { name: "dashboard", check: async (fault) => (await open("/dashboard"), await expect(page.getByText(fault.read).first()).toBeVisible({ timeout: 30_000 })) },
  { name: "services", check: async (fault) => (await open("/services"), await expect(page.getByRole("alert").filter({ hasText: fault.read })).toBeVisible({ timeout: 30_000 })) },
  { name: "send", check: async (fault) => (await open("/send"), await expect(page.getByRole("alert").filter({ hasText: fault.read })).toBeVisible({ timeout: 30_000 })) },
  { name: "bulk", check: async (fault) => (await open("/send/bulk"), await expect(page.getByRole("alert").filter({ hasText: fault.read })).toBeVisible({ timeout: 30_000 })) },
  { name: "reports", check: async (fault) => (await open("/reports"), await expect(page.getByRole("alert").filter({ hasText: fault.read })).toBeVisible({ timeout: 30_000 })) },
  {
    name: "sending detail",
    check: async (fault) => (await open(`/reports/${sendingId}`), await expect(page.getByRole("alert").filter({ hasText: fault.read })).toBeVisible({ timeout: 30_000 })),
  },
  {
    name: "campaign progress (local records only)",
    check: async () => {
      await open(campaignPath);
      await expect(page.getByTestId("campaign-state")).toHaveText("Completed");
      await expect(page.getByTestId("progress-recipients")).toHaveText("2 / 2");
    },
  },
  {
    name: "API key settings",
    check: async () => {
      await open("/settings/api-key");
      await expect(page.getByTestId("key-last4")).toHaveText(keyLast4);
    },
  },
  { name: "CSV export of sendings", check: (fault) => expectCsvRefused("/reports/export.csv", fault) },
  { name: "CSV export of a sending's messages", check: (fault) => expectCsvRefused(`/reports/${sendingId}/messages.csv`, fault) },
];

/**
 * A CSV export reads its first rows from Yazsana before answering: a fault there is an error status
 * of its kind (429 rate limited, 504 timeout, 503 unavailable, 502 otherwise; lib/reports/csv-response.ts),
 * never a 500 or an empty file, and the body says which fault it was.
 */
async function expectCsvRefused(path: string, fault: UpstreamFault) {
  const response = await page.request.get(path, { timeout: 30_000 });
  expect([429, 502, 503, 504]).toContain(response.status());
  expect(response.headers()["content-type"]).toContain("text/plain");
  expect(await response.text()).toContain(fault.read);
}

for (const fault of FAULTS) {
  for (const target of READ_PAGES) {
    test(`${target.name} under ${fault.name}`, async () => {
      await fault.arm();
      await target.check(fault);
    });
  }

  test(`send form under ${fault.name}: its message, the record and the audit log`, async () => {
    await open("/send");
    const before = await latestSingleSend(ownerEmail);
    await page.getByLabel("Recipient").fill("0555 444 55 66");
    await page.getByLabel("Message").fill(`Arıza testi: ${fault.name}`);
    await fault.arm({ operation: "sendSingleSms" });
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("alert").filter({ hasText: fault.send.message })).toBeVisible({ timeout: 30_000 });
    // What was typed is still there to send again later.
    await expect(page.getByLabel("Recipient")).toHaveValue("0555 444 55 66");
    const after = await latestSingleSend(ownerEmail);
    if (fault.send.audit === "") {
      // Refused before anything was recorded or sent.
      expect(after?.sends).toBe(before?.sends);
      return;
    }
    expect(after).toMatchObject({ state: fault.send.state });
    expect(after!.id).not.toBe(before?.id);
    expect(after!.actions).toEqual([fault.send.audit]);
  });

  test(`bulk review under ${fault.name}: its message, no draft stored`, async () => {
    await open("/send/bulk");
    const before = await campaignCount(ownerEmail);
    await page.getByLabel("Recipients").fill("0555 777 88 99");
    await page.getByLabel("Message").fill("İnceleme arızada");
    await fault.arm();
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.getByRole("alert").filter({ hasText: fault.read })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel("Recipients")).toHaveValue("0555 777 88 99");
    expect(await campaignCount(ownerEmail)).toBe(before);
  });

  test(`bulk confirm under ${fault.name}: its message, nothing queued`, async () => {
    await open("/send/bulk");
    await page.getByLabel("Recipients").fill("0555 777 88 11\n0555 777 88 22");
    await page.getByLabel("Message").fill("Onay arızada");
    await page.getByRole("button", { name: "Review" }).click();
    const confirm = page.getByTestId("bulk-review").getByRole("button", { name: "Send to 2 recipients" });
    await expect(confirm).toBeVisible({ timeout: 30_000 });
    const confirmedBefore = await campaignCount(ownerEmail, { confirmed: true });
    await fault.arm();
    await confirm.click();
    // In the review, or on the page when it re-renders around it: either way this fault's sentence.
    await expect(page.getByRole("alert").filter({ hasText: fault.read }).first()).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/\/send\/bulk$/);
    expect(await campaignCount(ownerEmail, { confirmed: true })).toBe(confirmedBefore);
  });

  test(`API key form under ${fault.name}: its message, the stored key kept`, async () => {
    await open("/settings/api-key");
    await fault.arm();
    // The same key again, so the demo key's fault is what Yazsana answers the check with.
    await page.getByLabel("Yazsana API key").fill(e2eStack().demoKey);
    // Replacing a key asks for confirmation first.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Verify and replace key" }).click();
    await expect(page.getByRole("alert").filter({ hasText: fault.read })).toBeVisible({ timeout: 30_000 });
    await clearFaults();
    await page.reload();
    await expect(page.getByTestId("key-last4")).toHaveText(keyLast4);
  });
}

test("a campaign Yazsana rate-limits waits, then completes once the limit lifts, each number sent once", async () => {
  await page.goto("/send/bulk");
  await page.getByLabel("Recipients").fill("0555 888 11 22\n0555 888 11 33\n0555 888 11 44\n0555 888 11 55");
  await page.getByLabel("Message").fill("Sınır kalkınca gider");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByTestId("bulk-review").getByRole("button", { name: "Send to 4 recipients" })).toBeVisible({ timeout: 30_000 });
  await FAULTS.find((fault) => fault.name === "429 with Retry-After")!.arm({ operation: "sendBulkSms" });
  await page.getByTestId("bulk-review").getByRole("button", { name: "Send to 4 recipients" }).click();
  await expect(page).toHaveURL(/\/send\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("campaign-state")).toHaveText("Sending");
  await expect(page.getByTestId("progress-chunks")).toHaveText("0 / 2");
  await clearFaults();
  // The worker retries with backoff (seconds, then tens of seconds): a generous bound, not a timing claim.
  await expect(page.getByTestId("campaign-state")).toHaveText("Completed", { timeout: 90_000 });
  await expect(page.getByTestId("progress-recipients")).toHaveText("4 / 4");
  await expect(page.getByTestId("progress-sendings")).toHaveText("2");
});

test.describe("a slow answer (5 s)", () => {
  test.beforeEach(async () => {
    await armSlowAnswer();
  });
  test("dashboard and services render their data", async () => {
    await open("/dashboard");
    await expect(page.getByRole("heading", { name: "Organizations" })).toBeVisible();
    await open("/services");
    await expect(page.getByRole("cell", { name: "0.012000" }).or(page.getByRole("cell", { name: /^0\.\d+$/ }).first())).toBeVisible({ timeout: 30_000 });
  });
  test("reports and the sending detail render their data", async () => {
    await open("/reports");
    await expect(page.getByTestId("sendings-total")).toBeVisible({ timeout: 30_000 });
    await open(`/reports/${sendingId}`);
    await expect(page.getByTestId("stat-recipients")).toHaveText("2 valid, 0 invalid", { timeout: 30_000 });
  });
  test("a single send goes through once", async () => {
    await clearFaults();
    await open("/send");
    await page.getByLabel("Recipient").fill("0555 999 00 11");
    await page.getByLabel("Message").fill("Yavaş ama gider");
    await armSlowAnswer({ operation: "sendSingleSms" });
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("status")).toContainText("Sent to +90 555 999 00 11", { timeout: 30_000 });
    expect(await latestSingleSend(ownerEmail)).toMatchObject({ state: "accepted", actions: ["sms.sent"] });
  });
});
