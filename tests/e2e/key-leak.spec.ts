import { expect, test, type APIResponse, type BrowserContext, type Page, type Route } from "@playwright/test";
import { ownerWithDemoKey, signUp } from "./support/accounts";
import { joinOwnersWorkspace } from "./support/database";
import { e2eStack } from "./support/stack";

// Every page of the portal (a role that may not open one gets its 403 page, which is crawled too),
// plus the not-found page and the endpoints the browser calls.
const PORTAL_PAGES = [
  "/",
  "/dashboard",
  "/services",
  "/send",
  "/send/bulk",
  "/send/campaigns",
  "/reports",
  "/settings",
  "/settings/api-key",
  "/settings/members",
  "/settings/audit",
  "/workspaces/new",
  "/no-such-page",
  "/api/auth/session",
  "/api/health",
];

type Role = "owner" | "admin" | "sender" | "viewer";

/**
 * A member with `role` in the workspace of an owner who saved the demo key.
 * The owner works in a browser context of their own, so the one request that
 * carries the key (saving it) is not among the member's recorded responses:
 * nothing the member receives may hold it.
 */
async function memberWithRole(page: Page, role: Exclude<Role, "owner">) {
  const ownerPage = await page.context().browser()!.newPage();
  const ownerEmail = await ownerWithDemoKey(ownerPage);
  await ownerPage.close();
  const memberEmail = await signUp(page);
  await joinOwnersWorkspace(memberEmail, ownerEmail, role);
  return memberEmail;
}

/** Who crawls: every role, so what each role's pages and payloads carry is checked. */
const CRAWLERS: Array<{ role: Role; enter(page: Page): Promise<unknown> }> = [
  { role: "owner", enter: ownerWithDemoKey },
  { role: "admin", enter: (page) => memberWithRole(page, "admin") },
  { role: "sender", enter: (page) => memberWithRole(page, "sender") },
  { role: "viewer", enter: (page) => memberWithRole(page, "viewer") },
];

type Seen = { url: string; status: number; type: string; headers: Record<string, string>; allHeaders: string; body: string };

/**
 * Fetches what the browser asked for (the browser follows redirects itself, so
 * each hop is seen). A connection reset before any answer arrived is tried
 * again on a fresh connection: that is the keep-alive race of a busy machine
 * (the server closing an idle socket as it is reused), not a body that could
 * not be read. Anything else, or a third reset, counts as unreadable.
 */
async function fetchForBrowser(route: Route): Promise<{ response: APIResponse; body: Buffer }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await route.fetch({ maxRedirects: 0 });
      return { response, body: await response.body() };
    } catch (error) {
      if (attempt >= 3 || !/ECONNRESET|socket hang up/.test((error as Error).message)) throw error;
    }
  }
}

/**
 * Every response passes through the test on its way to the browser: the test
 * fetches it, reads headers and body, then hands it on. So each body is read
 * in full, including prefetches the browser abandons (whose bodies Chromium
 * would no longer give out), and one that can't be read is counted, not skipped.
 */
async function recordResponses(context: BrowserContext) {
  const seen: Seen[] = [];
  const unreadable: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    let response: APIResponse;
    let body: Buffer;
    try {
      ({ response, body } = await fetchForBrowser(route));
    } catch (error) {
      unreadable.push(`${url}: ${(error as Error).message.split("\n")[0]}`);
      await route.abort().catch(() => {});
      return;
    }
    const headers = response.headers();
    seen.push({
      url,
      status: response.status(),
      type: headers["content-type"] ?? "",
      headers,
      allHeaders: JSON.stringify(response.headersArray()),
      body: body.toString("utf8"),
    });
    // The browser may have given up on it meanwhile (an abandoned prefetch): nothing left to deliver.
    await route.fulfill({ response, body }).catch(() => {});
  });
  return {
    seen,
    unreadable,
    /** Waits for responses in flight and stops recording. */
    stop: () => context.unrouteAll({ behavior: "wait" }),
  };
}

for (const { role, enter } of CRAWLERS) {
  test(`the API key never reaches the browser as ${role}: no response body or header holds it, every page has a CSP and breaks none of it`, async ({ page, context, baseURL }) => {
    const { demoKey } = e2eStack();
    const forms = [demoKey, encodeURIComponent(demoKey), Buffer.from(demoKey).toString("base64")];
    const policyViolations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) policyViolations.push(message.text());
    });
    const responses = await recordResponses(context);

    // Saving the key is the one request that carries it, *to* the server; its answer must not echo it.
    await enter(page);
    for (const path of PORTAL_PAGES) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    // Client-side navigations fetch RSC payloads rather than HTML (every role may read reports).
    await page.goto("/dashboard");
    await page.getByRole("link", { name: "Reports" }).click();
    await expect(page).toHaveURL(/\/reports/);
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.waitForLoadState("networkidle");
    const organizations = page.getByLabel("Context");
    const values = await organizations.locator("option:not([disabled])").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    await organizations.selectOption(values[values.length - 1]!);
    await page.waitForLoadState("networkidle");

    await responses.stop();
    const { seen, unreadable } = responses;
    expect(unreadable, "responses whose body could not be read (and so could not be checked)").toEqual([]);
    const kinds = new Set(seen.map((response) => response.type.split(";")[0]));
    expect(seen.length).toBeGreaterThan(20);
    expect([...kinds]).toEqual(expect.arrayContaining(["text/html", "text/x-component", "application/javascript", "application/json"]));
    for (const { url, allHeaders, body } of seen) {
      for (const form of forms) {
        expect(body.includes(form), `${url} contains the API key`).toBe(false);
        expect(allHeaders.includes(form), `a header of ${url} contains the API key`).toBe(false);
      }
    }

    // The strict CSP is on every page, and doesn't block the portal's own scripts anywhere on the way.
    const pages = seen.filter((response) => response.url.startsWith(baseURL!) && response.type.startsWith("text/html"));
    expect(pages.length).toBeGreaterThanOrEqual(PORTAL_PAGES.length - 2);
    for (const { url, headers } of pages) {
      expect(headers["content-security-policy"], `${url} has no Content-Security-Policy`).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    }
    expect(policyViolations).toEqual([]);
  });
}
