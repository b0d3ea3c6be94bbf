import { expect, test } from "@playwright/test";

test("the home page introduces the portal and links to sign-up and login", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Your API key stays on the server");
  await expect(page.getByRole("link", { name: "Create a workspace" })).toHaveAttribute("href", "/signup");
  await expect(page.getByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login");
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("responses forbid framing and sniffing and keep referrers on this site: pages, not-found, route handlers, scripts, redirects", async ({ request }) => {
  const login = await request.get("/login");
  const html = await login.text();
  const script = html.match(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(script, "a script of the login page").toBeDefined();
  const responses = {
    page: login,
    "not-found page": await request.get("/no-such-page"),
    "route handler": await request.get("/api/health"),
    "static script": await request.get(script!),
    "redirect to login": await request.get("/dashboard", { maxRedirects: 0 }),
  };
  expect(responses["redirect to login"].status()).toBe(307);
  expect(responses["static script"].status()).toBe(200);

  for (const [name, response] of Object.entries(responses)) {
    const headers = response.headers();
    expect(headers["x-frame-options"], name).toBe("DENY");
    expect(headers["content-security-policy"], name).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], name).toBe("nosniff");
    expect(headers["referrer-policy"], name).toBe("same-origin");
    expect(headers["x-powered-by"], name).toBeUndefined();
  }

  // Pages run only the scripts Next.js stamped with this response's nonce.
  for (const name of ["page", "not-found page"] as const) {
    const response = responses[name];
    const policy = response.headers()["content-security-policy"]!;
    expect(policy, name).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    const nonce = policy.match(/'nonce-([^']+)'/)![1];
    expect(await response.text(), name).toContain(`nonce="${nonce}"`);
  }
});
