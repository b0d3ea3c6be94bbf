import { chromium } from "@playwright/test";
import { BenchFailure } from "./bench-load";

/** The request the router makes for a client-side navigation, to replay as it was sent. */
export type RscNavigation = { path: string; headers: Record<string, string> };

/**
 * The RSC request a real client-side navigation from /reports to its page 2
 * makes, captured from Chromium: its URL (with the `_rsc` hash Next checks)
 * and the router's headers, above all `Next-Router-State-Tree`, which tells
 * the server which layouts the browser already holds, so it renders only what
 * changed. A hand-made request without that header renders the whole tree from
 * the root layout down, which is not what a navigation costs.
 */
export async function captureReportsNavigation(appUrl: string, cookie: string): Promise<RscNavigation> {
  const browser = await chromium
    .launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" })
    .catch((error: unknown) => {
      throw new BenchFailure(`The reports-rsc row needs Chromium to capture a real navigation (CHROMIUM_PATH, else /usr/bin/chromium): ${String(error)}`);
    });
  try {
    const context = await browser.newContext({ baseURL: appUrl });
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const equals = pair.indexOf("=");
        return { name: pair.slice(0, equals), value: pair.slice(equals + 1), url: appUrl };
      }),
    );
    const page = await context.newPage();
    await page.goto("/reports");
    const navigation = page.waitForRequest(
      (request) => {
        const url = new URL(request.url());
        return url.pathname === "/reports" && url.searchParams.get("page") === "2" && request.headers()["rsc"] === "1" && !request.headers()["next-router-prefetch"];
      },
      { timeout: 30_000 },
    );
    await page.locator('a[rel="next"]').first().click();
    const request = await navigation;
    const sent = await request.allHeaders();
    const headers = Object.fromEntries(Object.entries(sent).filter(([name]) => name === "rsc" || name.startsWith("next-")));
    if (!headers["next-router-state-tree"]) throw new BenchFailure("The captured navigation to /reports?page=2 carried no Next-Router-State-Tree header.");
    const url = new URL(request.url());
    return { path: `${url.pathname}${url.search}`, headers };
  } finally {
    await browser.close();
  }
}
