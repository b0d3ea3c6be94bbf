import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { startE2eStack, type E2eStack } from "../../scripts/lib/e2e-stack";
import { createDatabaseIfMissing, dropDatabase, freePort, withDatabase } from "../../scripts/lib/postgres";
import { migrate } from "../../scripts/lib/run";
import { runScript } from "../support/run-script";
import { logIn, PASSWORD, saveApiKey, uniqueEmail } from "./support/accounts";

/**
 * Two `next start` instances (A and B) and one worker on one database, as
 * behind a load balancer: what one instance does, the other must honour at
 * once. Their own stack and database; the shared stack is left alone. Both
 * instances answer on 127.0.0.1, so a browser's cookies reach both, as they
 * would behind one address.
 */
// Not serial: the tests are independent (each signs up its own owner), so one failing must not
// hide the others. Generous timeouts: two apps, a worker and a simulator share a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });

const V1 = `v1:${randomBytes(32).toString("base64")}`;
const V2 = `v2:${randomBytes(32).toString("base64")}`;
let stack: E2eStack;
let databaseUrl: string;
let adminUrl: string;
let database: string;
let a: string;
let b: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  adminUrl = withDatabase(process.env.E2E_DATABASE_URL!, "postgres");
  database = `yazsana_two_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(adminUrl, database);
  databaseUrl = withDatabase(adminUrl, database);
  await migrate(databaseUrl, true);
  // Both master keys from the start: the key-rotation test re-wraps a v1 key under v2 while both run.
  stack = await startE2eStack({
    databaseUrl,
    port: await freePort(),
    secondPort: await freePort(),
    keyEncryptionKeys: `${V1},${V2}`,
    bulkMax: 3,
    echoAppOutput: false,
    mail: false,
  });
  a = stack.env.E2E_BASE_URL!;
  b = stack.env.E2E_BASE_URL_2!;
});

test.afterAll(async () => {
  await stack?.stop();
  if (database) await dropDatabase(adminUrl, database).catch(() => {});
});

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Signs up on `base` (no email on this stack: logged in at once); with the demo key when asked. */
async function owner(page: Page, base: string, withKey: boolean) {
  const email = uniqueEmail("two");
  await page.goto(`${base}/signup`);
  await page.getByLabel("Your name").fill("Ayşe Yılmaz");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Workspace name").fill(`Two ${email}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/settings\/api-key/);
  if (withKey) {
    await saveApiKey(page, stack.env.E2E_YAZSANA_DEMO_KEY!);
    await expect(page.getByTestId("key-last4")).toBeVisible();
  }
  return email;
}

/** The simulator's sendings whose text contains `text`, with their numbers. */
async function simSendings(text: string): Promise<string[]> {
  const headers = { "x-api-key": stack.env.E2E_YAZSANA_DEMO_KEY! };
  const list = await fetch(`${stack.env.E2E_SIM_URL}/sms-sendings?limit=100&text=${encodeURIComponent(text)}`, { headers });
  const numbers: string[] = [];
  for (const sending of ((await list.json()) as { data: { items: Array<{ id: string }> } }).data.items) {
    const messages = await fetch(`${stack.env.E2E_SIM_URL}/sms-sendings/${sending.id}/messages?limit=100`, { headers });
    numbers.push(...((await messages.json()) as { data: { items: Array<{ to: string }> } }).data.items.map((item) => item.to));
  }
  return numbers.sort();
}

/**
 * Submits on `page` (instance A) and sends the very same server-action request,
 * byte for byte with the same idempotency key, to instance B at the same time.
 */
async function submitOnBothInstances(page: Page, path: string, submit: () => Promise<void>): Promise<number> {
  let replayed: Promise<number> | undefined;
  await page.route(`${a}${path}`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const headers = { ...request.headers(), origin: b };
    replayed = page.request.post(`${b}${path}`, { headers, data: request.postDataBuffer() ?? Buffer.alloc(0) }).then((response) => response.status());
    await route.continue();
  });
  await submit();
  await expect.poll(() => replayed !== undefined).toBe(true);
  const status = await replayed!;
  await page.unroute(`${a}${path}`);
  return status;
}

test("a bulk campaign and a single SMS submitted to both instances with the same idempotency key are sent once", async ({ page }) => {
  await owner(page, a, true);
  const text = `İki örnek ${randomBytes(3).toString("hex")}`;
  await page.goto(`${a}/send/bulk`);
  await page.getByLabel("Recipients").fill(["0555 100 00 01", "0555 100 00 02", "0555 100 00 03", "0555 100 00 04"].join("\n"));
  await page.getByLabel("Message").fill(text);
  await page.getByRole("button", { name: "Review" }).click();
  const confirm = page.getByTestId("bulk-review").getByRole("button", { name: "Send to 4 recipients" });
  const status = await submitOnBothInstances(page, "/send/bulk", () => confirm.click());
  expect(status).toBe(200);
  await expect(page).toHaveURL(/\/send\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("campaign-state")).toHaveText("Completed", { timeout: 90_000 });
  await expect(page.getByTestId("progress-sendings")).toHaveText("2");
  // What Yazsana holds: each number once, in as many sendings as the campaign has chunks.
  expect(await simSendings(text)).toEqual(["905551000001", "905551000002", "905551000003", "905551000004"]);

  const single = `Tek ${text}`;
  await page.goto(`${a}/send`);
  await page.getByLabel("Recipient").fill("0555 100 00 09");
  await page.getByLabel("Message").fill(single);
  expect(await submitOnBothInstances(page, "/send", () => page.getByRole("button", { name: "Send" }).click())).toBe(200);
  await expect(page.getByRole("status")).toContainText("Sent to +90 555 100 00 09");
  expect(await simSendings(single)).toEqual(["905551000009"]);
  expect(await query("SELECT id FROM sends WHERE message = $1", [single])).toHaveLength(1);
});

test("a login rate limit reached on one instance holds on the other", async ({ browser }) => {
  const setup = await browser.newPage();
  const email = await owner(setup, a, false);
  await setup.close();
  const page = await browser.newPage();
  // The limit allows 10 wrong passwords per account and address; all of them go to A.
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    await page.goto(`${a}/login`);
    await logIn(page, email, `wrong passphrase ${attempt}`);
    await expect(page.locator("form [role=alert]")).toBeVisible();
  }
  // The right password, on B: still refused until the block ends.
  await page.goto(`${b}/login`);
  await logIn(page, email);
  await expect(page.locator("form [role=alert]")).toHaveText(/Too many attempts\. Try again in \d+ minutes?\./);
  await expect(page).toHaveURL(/\/login/);
  await page.close();
});

test("a member removed through one instance is refused on the other at once", async ({ browser }) => {
  const ownerPage = await browser.newPage();
  const ownerEmail = await owner(ownerPage, a, true);
  const member = await newBrowserPage(browser);
  const memberEmail = await owner(member, b, false);
  await query(
    `INSERT INTO memberships (id, user_id, workspace_id, role)
       SELECT gen_random_uuid(), member.id, m.workspace_id, 'sender'
         FROM memberships m JOIN users o ON o.id = m.user_id, users member
        WHERE o.email = $1 AND m.role = 'owner' AND member.email = $2`,
    [ownerEmail.toLowerCase(), memberEmail.toLowerCase()],
  );
  await query(`UPDATE users u SET current_workspace_id = m.workspace_id FROM memberships m JOIN users o ON o.id = m.user_id WHERE o.email = $1 AND m.role = 'owner' AND u.email = $2`, [
    ownerEmail.toLowerCase(),
    memberEmail.toLowerCase(),
  ]);
  // The member works on B in the owner's workspace, with the send form open.
  await member.goto(`${b}/send`);
  await member.getByLabel("Recipient").fill("0555 200 00 01");
  await member.getByLabel("Message").fill("Çıkarılan üye");

  await ownerPage.goto(`${a}/settings/members`);
  ownerPage.once("dialog", (dialog) => void dialog.accept());
  await ownerPage.getByRole("button", { name: `Remove ${memberEmail}` }).click();
  await expect(ownerPage.getByTestId(`member-${memberEmail}`)).toHaveCount(0);

  // B's next action refuses, without waiting for any cache or session to expire.
  await member.getByRole("button", { name: "Send" }).click();
  await expect(member.getByText("You are no longer a member of this workspace, so nothing was done.")).toBeVisible();
  expect(await query("SELECT id FROM sends WHERE message = 'Çıkarılan üye'")).toHaveLength(0);
  await member.goto(`${b}/send`);
  await expect(member.getByTestId("send-context")).toHaveCount(0);
  await member.context().close();
  await ownerPage.close();
});

/** A page in a context of its own (its own cookies). */
async function newBrowserPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("`npm run keys:rotate` while both instances run: both keep reading the key", async ({ page }) => {
  const email = await owner(page, a, true);
  const [owned] = await query<{ workspace_id: string }>(
    "SELECT m.workspace_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND m.role = 'owner'",
    [email.toLowerCase()],
  );
  const workspaceId = owned!.workspace_id;
  // The key as an earlier deployment (v1 only) sealed it.
  const sealed = await runScript("tests/e2e/support/seal-api-key.ts", { DATABASE_URL: databaseUrl, KEY_ENCRYPTION_KEYS: V1, WORKSPACE_ID: workspaceId, API_KEY: stack.env.E2E_YAZSANA_DEMO_KEY! });
  expect(sealed.code, sealed.stderr).toBe(0);
  expect(await query("SELECT kek_version FROM api_credentials WHERE workspace_id = $1", [workspaceId])).toEqual([{ kek_version: "v1" }]);
  for (const base of [a, b]) {
    await page.goto(`${base}/services`);
    await expect(page.getByTestId("send-context")).toHaveText("Personal credit");
  }

  const rotated = await runScript("scripts/keys-rotate.ts", { DATABASE_URL: databaseUrl, KEY_ENCRYPTION_KEYS: `${V1},${V2}` });
  expect(rotated.code, rotated.stderr).toBe(0);
  expect(rotated.stdout).toContain("older master keys may be removed");
  expect(await query("SELECT kek_version FROM api_credentials WHERE workspace_id = $1", [workspaceId])).toEqual([{ kek_version: "v2" }]);

  // Neither instance was restarted: both open the re-wrapped key, and each can still send.
  for (const [index, base] of [a, b].entries()) {
    await page.goto(`${base}/services`);
    await expect(page.getByTestId("send-context")).toHaveText("Personal credit");
    await page.goto(`${base}/send`);
    await page.getByLabel("Recipient").fill(`0555 300 00 0${index}`);
    await page.getByLabel("Message").fill("Döndürülen anahtar");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("status")).toContainText(`Sent to +90 555 300 00 0${index}`);
  }
});
