import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { pagePermission } from "@/lib/workspaces/page-permissions";
import { roleCan, type Role } from "@/lib/workspaces/roles";
import { PASSWORD, ownerWithDemoKey, uniqueEmail } from "./support/accounts";
import { appPageRoutes } from "./support/app-pages";
import { simAdmin } from "./support/sim-sendings";

/**
 * Issue #17: every page, as every role that can open it, at desktop and phone
 * sizes, passes axe's WCAG 2.2 A/AA rules and best practices; plus the
 * keyboard paths (skip link, switching context, a form's first error).
 * One browser context per role, all in one seeded workspace, to keep it quick.
 */

test.describe.configure({ mode: "serial" });

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
// No rule is disabled. Should one ever need to be, disable it here with a comment saying why.
const DISABLED_RULES: string[] = [];

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

const MEMBERS: Role[] = ["owner", "admin", "sender", "viewer"];
type Visitor = Role | "anonymous";

type Fixture = {
  sendingId: string;
  campaignPath: string;
  pendingInvitePath: string;
};

type Row = {
  /** Who opens it: "members" = every role the page's permission allows (lib/workspaces/page-permissions.ts). */
  visitors: "members" | "anonymous";
  path: (fixture: Fixture) => string;
};

/** One row per page route under app/ (a new page without a row fails the first test). */
const ROWS: Record<string, Row> = {
  "/": { visitors: "anonymous", path: () => "/" },
  "/login": { visitors: "anonymous", path: () => "/login" },
  "/signup": { visitors: "anonymous", path: () => "/signup" },
  "/invite/[token]": { visitors: "anonymous", path: (f) => f.pendingInvitePath },
  // A used or unknown confirmation link: the page's not-found state (a fresh one is used up by signing up).
  "/verify-email/[token]": { visitors: "anonymous", path: () => `/verify-email/${"x".repeat(43)}` },
  "/dashboard": { visitors: "members", path: () => "/dashboard" },
  "/services": { visitors: "members", path: () => "/services" },
  "/send": { visitors: "members", path: () => "/send" },
  "/send/bulk": { visitors: "members", path: () => "/send/bulk" },
  "/send/campaigns": { visitors: "members", path: () => "/send/campaigns" },
  "/send/campaigns/[id]": { visitors: "members", path: (f) => f.campaignPath },
  "/reports": { visitors: "members", path: () => "/reports" },
  "/reports/[sendingId]": { visitors: "members", path: (f) => `/reports/${f.sendingId}` },
  "/settings": { visitors: "members", path: () => "/settings" },
  "/settings/api-key": { visitors: "members", path: () => "/settings/api-key" },
  "/settings/audit": { visitors: "members", path: () => "/settings/audit" },
  "/settings/members": { visitors: "members", path: () => "/settings/members" },
  "/workspaces/new": { visitors: "members", path: () => "/workspaces/new" },
};

function rolesFor(route: string): Visitor[] {
  const row = ROWS[route]!;
  if (row.visitors === "anonymous") return ["anonymous"];
  const needed = pagePermission(route);
  return MEMBERS.filter((role) => !needed || roleCan(role, needed));
}

/** Pages a reviewer looks at on a phone (screenshots kept under test-results/, not compared). */
const SCREENSHOT_ROUTES = ["/login", "/dashboard", "/send", "/send/bulk", "/send/campaigns", "/reports", "/reports/[sendingId]", "/settings", "/settings/members", "/settings/audit"];

let fixture: Fixture;
const contexts = new Map<Visitor, BrowserContext>();
const pages = new Map<Visitor, Page>();
/**
 * axe's verdict on the page as it is now: every violation, one line each, and
 * whether the page scrolls sideways (a wide table must scroll inside its own region).
 * Soft assertions, so one run reports every page's problems, not just the first.
 */
async function audit(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).disableRules(DISABLED_RULES).analyze();
  const violations = results.violations.map((violation) => {
    const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ");
    return `[${violation.impact}] ${violation.id} — ${violation.help} (${violation.nodes.length}×: ${targets})`;
  });
  expect.soft(violations, `axe violations on ${label}`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect.soft(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

/**
 * Opens `path` once (waiting for the whole streamed page), checks its title names
 * the page, and audits it at each size: CSS follows the viewport without a reload.
 */
async function visit(page: Page, path: string, label: string, screenshot = false) {
  const response = await page.goto(path);
  expect(response?.status(), `${label} answered`).toBeLessThan(500);
  expect.soft(await page.title(), `the title of ${label} names the page`).toMatch(/ · /);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await audit(page, `${label} at ${viewport.width}px`);
    if (screenshot && viewport.name === "phone") {
      await page.screenshot({ path: test.info().outputPath(`phone-390${path.replace(/[/?=]/g, "-")}.png`), fullPage: true });
    }
  }
  return response?.status();
}

async function auditAllowedPages(role: Visitor) {
  const page = pages.get(role)!;
  for (const route of Object.keys(ROWS)) {
    if (!rolesFor(route).includes(role)) continue;
    const screenshot = (role === "owner" || role === "anonymous") && SCREENSHOT_ROUTES.includes(route);
    await visit(page, ROWS[route]!.path(fixture), `${route} as ${role}`, screenshot);
  }
}

async function inviteMember(owner: Page, role: Exclude<Role, "owner">) {
  const email = uniqueEmail(role);
  await owner.goto("/settings/members");
  await owner.getByLabel("Email").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption({ label: role[0]!.toUpperCase() + role.slice(1) });
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  const link = owner.getByLabel("Invite link");
  await expect(link).toHaveValue(/\/invite\//);
  return new URL(await link.inputValue()).pathname;
}

async function acceptInvite(browser: Browser, invitePath: string, role: Role) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(invitePath);
  await page.getByLabel("Your name").fill(`Ada ${role}`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  contexts.set(role, context);
  pages.set(role, page);
}

test("every page route has a row, so a new page can't skip the accessibility check", () => {
  expect(Object.keys(ROWS).sort()).toEqual(appPageRoutes());
});

test.describe("seeded workspace", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    contexts.set("owner", ownerContext);
    pages.set("owner", owner);
    await ownerWithDemoKey(owner);

    // One sending (its report) and one scheduled campaign (its page), made through the UI.
    await owner.goto("/send");
    await owner.getByLabel("Recipient").fill("0555 123 45 67");
    await owner.getByLabel("Message").fill("Erişilebilirlik denemesi");
    await owner.getByRole("button", { name: "Send" }).click();
    const reportLink = owner.getByRole("link", { name: "View its report" });
    await expect(reportLink).toHaveAttribute("href", /^\/reports\/[0-9a-f-]{36}$/);
    const sendingId = (await reportLink.getAttribute("href"))!.split("/").pop()!;

    await owner.goto("/send/bulk");
    await owner.getByLabel("Recipients").fill("0555 222 33 44\n0555 222 33 55");
    await owner.getByLabel("Message").fill("Yarın görüşürüz");
    await owner.getByRole("button", { name: "Review" }).click();
    const review = owner.getByTestId("bulk-review");
    await review.getByLabel("Send later").check();
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    await review.getByLabel("Send at").fill(new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
    await review.getByRole("button", { name: "Send to 2 recipients" }).click();
    await expect(owner.getByTestId("campaign-state")).toHaveText("Scheduled");
    const campaignPath = new URL(owner.url()).pathname;

    for (const role of ["admin", "sender", "viewer"] as const) await acceptInvite(browser, await inviteMember(owner, role), role);
    // Left pending, for the invitation page.
    const pendingInvitePath = await inviteMember(owner, "viewer");

    const anonymousContext = await browser.newContext();
    contexts.set("anonymous", anonymousContext);
    pages.set("anonymous", await anonymousContext.newPage());
    fixture = { sendingId, campaignPath, pendingInvitePath };
  });

  test.afterAll(async () => {
    await simAdmin.clearFaults();
    for (const context of contexts.values()) await context.close();
  });

  for (const role of [...MEMBERS, "anonymous"] as const) {
    test(`every page ${role === "anonymous" ? "open to visitors" : `an ${role} can open`} passes axe at 1280 and 390 px`, async () => {
      test.setTimeout(300_000);
      await auditAllowedPages(role);
    });
  }

  test("the 403, not-found, upstream error and loading states pass axe too", async () => {
    test.setTimeout(300_000);
    const owner = pages.get("owner")!;
    const viewer = pages.get("viewer")!;
    const anonymous = pages.get("anonymous")!;
    expect(await visit(viewer, "/send", "the 403 page (viewer on /send)")).toBe(403);
    expect(await visit(owner, "/no-such-page", "the not-found page, signed in")).toBe(404);
    expect(await visit(anonymous, "/no-such-page", "the not-found page, signed out")).toBe(404);
    expect(await visit(owner, "/reports/00000000-0000-4000-8000-000000000000", "an unknown report")).toBe(404);
    expect(await visit(anonymous, `/invite/${"x".repeat(43)}`, "an unknown invitation")).toBe(404);

    // Yazsana failing: every upstream call answers 503, and each page says so.
    await simAdmin.addFault({ kind: "error", status: 503 });
    try {
      for (const path of ["/dashboard", "/services", "/send", "/reports", `/reports/${fixture.sendingId}`]) {
        await visit(owner, path, `${path} with Yazsana down`);
        await expect(owner.getByRole("alert").first()).toBeVisible();
      }
    } finally {
      await simAdmin.clearFaults();
    }

    // Yazsana slow: the dashboard's organizations are still loading (its skeleton is what gets audited).
    await simAdmin.addFault({ kind: "latency", latencyMs: 15_000, operation: "listOrganizations", times: 2 });
    try {
      await owner.goto("/dashboard", { waitUntil: "commit" });
      await expect(owner.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(owner.locator("[aria-hidden].animate-pulse").first()).toBeAttached();
      for (const viewport of VIEWPORTS) {
        await owner.setViewportSize(viewport);
        await audit(owner, `/dashboard while loading at ${viewport.width}px`);
      }
    } finally {
      await simAdmin.clearFaults();
    }
  });

  test("keyboard: one Tab reaches the skip link, and Enter lands in the main content", async () => {
    const owner = pages.get("owner")!;
    for (const viewport of VIEWPORTS) {
      await owner.setViewportSize(viewport);
      await owner.goto("/dashboard");
      await owner.keyboard.press("Tab");
      const skip = owner.getByRole("link", { name: "Skip to main content" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await owner.keyboard.press("Enter");
      await expect(owner.getByRole("main")).toBeFocused();
      // The next Tab goes into the page itself, past the whole header.
      await owner.keyboard.press("Tab");
      expect(await owner.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
    }
  });

  test("keyboard: switching context keeps focus on the control and announces the switch", async () => {
    const owner = pages.get("owner")!;
    await owner.setViewportSize(VIEWPORTS[0]);
    await owner.goto("/dashboard");
    const context = owner.getByLabel("Context", { exact: true });
    await expect(context).toHaveValue("personal");
    await context.focus();
    await owner.keyboard.press("ArrowDown");
    // Arrow keys only move the choice: it waits, visibly, for Enter.
    await expect(owner.getByText("Press Enter to apply.")).toBeVisible();
    const chosen = await context.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]!.textContent!);
    expect(chosen).not.toBe("Personal credit");
    await owner.keyboard.press("Enter");
    const announcement = owner.getByTestId("org-context-announcement");
    await expect(announcement).toHaveText(`Switched to ${chosen}`);
    await expect(announcement).toHaveAttribute("aria-live", "polite");
    await expect(context).toBeFocused();
    await expect(owner.getByRole("row", { name: new RegExp(chosen) })).toContainText("current context");
    await expect(owner.getByText("Press Enter to apply.")).toBeHidden();

    // On a phone the same control sits behind the Menu button, which Escape closes, focus back on it.
    await owner.setViewportSize(VIEWPORTS[1]);
    const menu = owner.getByRole("button", { name: "Menu" });
    await expect(context).toBeHidden();
    await menu.focus();
    await owner.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await context.focus();
    await owner.keyboard.press("ArrowUp");
    await expect(context).toHaveValue("personal");
    await owner.keyboard.press("Enter");
    await expect(announcement).toHaveText("Switched to Personal credit");
    await expect(context).toBeFocused();
    await owner.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(context).toBeHidden();
  });

  test("keyboard: a form answered with an error puts focus on its first invalid field", async () => {
    const owner = pages.get("owner")!;
    await owner.setViewportSize(VIEWPORTS[0]);
    await owner.goto("/settings");
    await owner.getByLabel("Current password").fill(PASSWORD);
    await owner.getByLabel("New password", { exact: true }).fill("short");
    await owner.getByLabel("Repeat new password").fill("short");
    await owner.getByLabel("Repeat new password").press("Tab");
    const submit = owner.getByRole("button", { name: "Change password" });
    await expect(submit).toBeFocused();
    await owner.keyboard.press("Enter");
    const field = owner.getByLabel("New password", { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toBeFocused();
  });

  test("a workspace without a key shows its empty states accessibly", async () => {
    test.setTimeout(180_000);
    const owner = pages.get("owner")!;
    await owner.setViewportSize(VIEWPORTS[0]);
    await owner.goto("/workspaces/new");
    await owner.getByLabel("Workspace name").fill("Empty Messaging");
    await owner.getByRole("button", { name: "Create workspace" }).click();
    await expect(owner).toHaveURL(/\/settings\/api-key/);
    for (const path of ["/dashboard", "/services", "/send", "/send/campaigns", "/reports", "/settings/members", "/settings/audit", "/settings/api-key?welcome=1"]) {
      await visit(owner, path, `${path} without a key`);
    }
  });
});
