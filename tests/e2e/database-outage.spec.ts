import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startE2eStack, type E2eStack } from "../../scripts/lib/e2e-stack";
import { createDatabaseIfMissing, freePort, startEmbeddedPostgres, withDatabase, type DatabaseServer } from "../../scripts/lib/postgres";
import { migrate } from "../../scripts/lib/run";
import { PASSWORD, saveApiKey, uniqueEmail } from "./support/accounts";

/** Every portal page: each must answer the outage page, not an error or a logout. */
const PORTAL_PAGES = ["/dashboard", "/services", "/send", "/send/bulk", "/send/campaigns", "/reports", "/settings", "/settings/api-key", "/settings/members", "/settings/audit"];
/**
 * "Within a few seconds" (the requirement), with room for a loaded 2-core CI
 * machine: a refused database connection fails at once, so a page that takes
 * longer is hanging on the database, which this bound catches.
 */
const FEW_SECONDS = 15_000;

// Its own PostgreSQL (which the test stops and starts) and its own app on it;
// the shared stack of the other browser tests is left alone.
let dataParent: string;
let database: DatabaseServer | undefined;
let stack: E2eStack | undefined;

test.afterEach(async () => {
  await stack?.stop();
  await database?.stop().catch(() => {});
  if (dataParent) rmSync(dataParent, { recursive: true, force: true });
});

test("a database outage: every page answers 503 'temporarily unavailable' quickly, actions change nothing, the session and the worker carry on once it is back", async ({ page, browser }) => {
  test.setTimeout(300_000);
  dataParent = mkdtempSync(path.join(tmpdir(), "yazsana-outage-"));
  chmodSync(dataParent, 0o755); // the postgres system user must reach its folder
  const dataDir = path.join(dataParent, "data");
  const postgresPort = await freePort();
  database = await startEmbeddedPostgres(dataDir, postgresPort);
  await createDatabaseIfMissing(database.adminUrl, "outage");
  const databaseUrl = withDatabase(database.adminUrl, "outage");
  await migrate(databaseUrl, true);
  // No email: sign-up logs in at once, as on a portal without SMTP (the mailed confirmation has its own tests).
  stack = await startE2eStack({ databaseUrl, port: await freePort(), echoAppOutput: false, mail: false });
  const baseUrl = stack.env.E2E_BASE_URL!;

  const email = uniqueEmail("outage");
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel("Your name").fill("Ayşe Yılmaz");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Workspace name").fill("Outage Ltd");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/settings\/api-key/);
  const sessionCookie = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(sessionCookie).toBeDefined();
  await saveApiKey(page, stack.env.E2E_YAZSANA_DEMO_KEY!);
  await expect(page.getByTestId("key-last4")).toBeVisible();
  // A send form left open from before the outage, submitted during it.
  const formPage = await page.context().newPage();
  await formPage.goto(`${baseUrl}/send`);
  await formPage.getByLabel("Recipient").fill("0555 123 45 67");
  await formPage.getByLabel("Message").fill("Veritabanı yokken");

  await database.stop();

  for (const path of PORTAL_PAGES) {
    const response = await page.goto(`${baseUrl}${path}`, { timeout: FEW_SECONDS });
    expect(response?.status(), path).toBe(503);
    await expect(page.getByRole("heading", { name: "Yazsana Portal is temporarily unavailable" })).toBeVisible();
  }
  // Route handlers too: the CSV export and the health check say 503, never a 500 or a login page.
  const csv = await page.request.get(`${baseUrl}/reports/export.csv`, { timeout: FEW_SECONDS });
  expect(csv.status()).toBe(503);
  expect((await page.request.get(`${baseUrl}/api/health`, { timeout: FEW_SECONDS })).status()).toBe(503);
  // The action submitted during the outage changes nothing and sends nothing; it says so.
  await formPage.getByRole("button", { name: "Send" }).click();
  await expect(formPage.getByText(/temporarily unavailable|nothing was changed/).first()).toBeVisible({ timeout: FEW_SECONDS });
  await formPage.close();

  const during = await page.goto(`${baseUrl}/settings`);
  expect(during?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: "Yazsana Portal is temporarily unavailable" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/unavailable");
  expect(new URL(page.url()).searchParams.get("from")).toBe("/settings");
  // Not a logout: the session cookie is still the one from before.
  const cookieDuring = (await page.context().cookies()).find((cookie) => cookie.name === sessionCookie!.name);
  expect(cookieDuring?.value).toBe(sessionCookie!.value);

  // A login during the outage says so, and nothing internal reaches the URL.
  const visitor = await browser.newPage();
  await visitor.goto(`${baseUrl}/login`);
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByLabel("Password").fill(PASSWORD);
  await visitor.getByRole("button", { name: "Log in" }).click();
  await expect(visitor.locator("form [role=alert]")).toHaveText(/temporarily unavailable/);
  expect(visitor.url()).not.toMatch(/error=|prisma|database|127\.0\.0\.1:\d+\/outage/i);
  await visitor.close();

  database = await startEmbeddedPostgres(dataDir, postgresPort);
  // The page's own "Try again" leads back to where the user was, still signed in.
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page).toHaveURL(`${baseUrl}/settings`);
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  // Nothing was sent by the action during the outage.
  const sent = await fetch(`${stack.env.E2E_SIM_URL}/sms-sendings?limit=1&text=${encodeURIComponent("Veritabanı yokken")}`, {
    headers: { "x-api-key": stack.env.E2E_YAZSANA_DEMO_KEY! },
  });
  expect(((await sent.json()) as { data: { total: number } }).data.total).toBe(0);

  // The same app and worker processes, never restarted, carry on: a campaign goes out.
  await page.goto(`${baseUrl}/send/bulk`);
  await page.getByLabel("Recipients").fill("0555 123 45 68\n0555 123 45 69");
  await page.getByLabel("Message").fill("Veritabanı geri geldi");
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByTestId("bulk-review").getByRole("button", { name: "Send to 2 recipients" }).click();
  await expect(page.getByTestId("campaign-state")).toHaveText("Completed", { timeout: 60_000 });

  // Nothing internal was shown; the app logged what happened.
  expect(stack.appOutput()).toMatch(/"component":"auth".*"msg":"session check failed/);
});
