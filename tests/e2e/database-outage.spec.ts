import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startE2eStack, type E2eStack } from "../../scripts/lib/e2e-stack";
import { createDatabaseIfMissing, freePort, startEmbeddedPostgres, withDatabase, type DatabaseServer } from "../../scripts/lib/postgres";
import { migrate } from "../../scripts/lib/run";
import { PASSWORD, uniqueEmail } from "./support/accounts";

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

test("a database outage shows a 503 'temporarily unavailable' page and keeps the session", async ({ page, browser }) => {
  test.setTimeout(240_000);
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

  await database.stop();

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

  // Nothing internal was shown; the app logged what happened.
  expect(stack.appOutput()).toMatch(/"component":"auth".*"msg":"session check failed/);
});
