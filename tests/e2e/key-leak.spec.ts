import { expect, test, type Response } from "@playwright/test";
import { ownerWithDemoKey } from "./support/accounts";
import { e2eStack } from "./support/stack";

// Every page an owner can open, plus the not-found page and the auth endpoints the browser calls.
const PORTAL_PAGES = ["/", "/dashboard", "/settings", "/settings/api-key", "/settings/audit", "/workspaces/new", "/no-such-page", "/api/auth/session", "/api/health"];

test("the API key never reaches the browser: every HTML, RSC, JSON and JS response is free of it", async ({ page }) => {
  const { demoKey } = e2eStack();
  const forms = [demoKey, encodeURIComponent(demoKey), Buffer.from(demoKey).toString("base64")];
  const bodies: Array<{ url: string; type: string; body: string }> = [];
  const pending: Promise<void>[] = [];
  const policyViolations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) policyViolations.push(message.text());
  });
  page.on("response", (response: Response) => {
    pending.push(
      response
        .text()
        .then((body) => void bodies.push({ url: response.url(), type: response.headers()["content-type"] ?? "", body }))
        .catch(() => {}),
    );
  });

  // Saving the key is the one request that carries it, *to* the server; its answer must not echo it.
  await ownerWithDemoKey(page);
  for (const path of PORTAL_PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigations fetch RSC payloads rather than HTML.
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "API key" }).click();
  await expect(page).toHaveURL(/api-key/);
  await page.getByRole("link", { name: "Account" }).click();
  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.waitForLoadState("networkidle");
  const organizations = page.getByLabel("Context");
  const values = await organizations.locator("option:not([disabled])").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  await organizations.selectOption(values[values.length - 1]!);
  await page.waitForLoadState("networkidle");

  await Promise.all(pending);
  const kinds = new Set(bodies.map((b) => b.type.split(";")[0]));
  expect(bodies.length).toBeGreaterThan(20);
  expect([...kinds]).toEqual(expect.arrayContaining(["text/html", "text/x-component", "application/javascript", "application/json"]));
  // The strict CSP must not block the portal's own scripts anywhere on the way.
  expect(policyViolations).toEqual([]);
  for (const { url, body } of bodies) {
    for (const form of forms) expect(body.includes(form), `${url} contains the API key`).toBe(false);
  }
});
