import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { pagePermission } from "@/lib/workspaces/page-permissions";
import { roleCan, type Role } from "@/lib/workspaces/roles";
import { PASSWORD, ownerWithDemoKey, uniqueEmail } from "./support/accounts";
import { appPageRoutes } from "./support/app-pages";
import { simAdmin, uniqueToken } from "./support/sim-sendings";
import { e2eStack } from "./support/stack";

/**
 * Issue #17: every page, as every role that can open it, at desktop and phone
 * sizes, passes axe's WCAG 2.2 A/AA rules and best practices; plus the
 * keyboard paths (skip link, switching context, a form's first error).
 * One browser context per role, all in one seeded workspace, to keep it quick.
 * Nothing here waits a fixed time: each page is audited once its heading is
 * shown and React has hydrated it, so a slow machine only makes it slower.
 */

test.describe.configure({ mode: "serial" });

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];
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
  scheduledCampaignPath: string;
  awaitingApprovalPath: string;
  pendingInvitePath: string;
};

type Row = {
  /** Who opens it: "members" = every role the page's permission allows (lib/workspaces/page-permissions.ts). */
  visitors: "members" | "anonymous";
  /** The URLs to audit for this route (several when the page has several states worth seeing). */
  paths: (fixture: Fixture) => string[];
};

/** One row per page route under app/ (a new page without a row fails the first test). */
const ROWS: Record<string, Row> = {
  "/": { visitors: "anonymous", paths: () => ["/"] },
  "/login": { visitors: "anonymous", paths: () => ["/login"] },
  "/signup": { visitors: "anonymous", paths: () => ["/signup"] },
  "/invite/[token]": { visitors: "anonymous", paths: (f) => [f.pendingInvitePath] },
  // A used or unknown confirmation link: the page's not-found state (a fresh one is used up by signing up).
  "/verify-email/[token]": { visitors: "anonymous", paths: () => [`/verify-email/${"x".repeat(43)}`] },
  "/dashboard": { visitors: "members", paths: () => ["/dashboard"] },
  "/services": { visitors: "members", paths: () => ["/services"] },
  "/send": { visitors: "members", paths: () => ["/send"] },
  "/send/approvals": { visitors: "members", paths: () => ["/send/approvals"] },
  "/send/bulk": { visitors: "members", paths: () => ["/send/bulk"] },
  "/send/campaigns": { visitors: "members", paths: () => ["/send/campaigns"] },
  "/send/campaigns/[id]": { visitors: "members", paths: (f) => [f.scheduledCampaignPath, f.awaitingApprovalPath] },
  "/reports": { visitors: "members", paths: () => ["/reports"] },
  "/reports/[sendingId]": { visitors: "members", paths: (f) => [`/reports/${f.sendingId}`] },
  "/reports/spending": { visitors: "members", paths: () => ["/reports/spending"] },
  "/settings": { visitors: "members", paths: () => ["/settings"] },
  "/settings/api-key": { visitors: "members", paths: () => ["/settings/api-key"] },
  "/settings/audit": { visitors: "members", paths: () => ["/settings/audit"] },
  "/settings/members": { visitors: "members", paths: () => ["/settings/members"] },
  "/settings/spending": { visitors: "members", paths: () => ["/settings/spending"] },
  "/workspaces/new": { visitors: "members", paths: () => ["/workspaces/new"] },
};

function rolesFor(route: string): Visitor[] {
  const row = ROWS[route]!;
  if (row.visitors === "anonymous") return ["anonymous"];
  const needed = pagePermission(route);
  return MEMBERS.filter((role) => !needed || roleCan(role, needed));
}

/** Pages a reviewer looks at on a phone (screenshots kept under test-results/, not compared). */
const SCREENSHOT_ROUTES = new Set([
  "/login",
  "/signup",
  "/dashboard",
  "/send",
  "/send/bulk",
  "/send/campaigns",
  "/send/approvals",
  "/reports",
  "/reports/[sendingId]",
  "/reports/spending",
  "/settings",
  "/settings/members",
  "/settings/audit",
  "/settings/spending",
]);

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
    const targets = violation.nodes
      .slice(0, 3)
      .map((node) => node.target.join(" "))
      .join(" | ");
    return `[${violation.impact}] ${violation.id} — ${violation.help} (${violation.nodes.length}×: ${targets})`;
  });
  expect.soft(violations, `axe violations on ${label}`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect.soft(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

/**
 * The page is ready to audit: its main heading is shown and React has
 * hydrated the page (client components may still change attributes before
 * that). React marks each element it hydrates with a `__reactFiber$…` property.
 */
async function waitForPage(page: Page, label: string) {
  await expect(page.getByRole("heading", { level: 1 }).first(), `${label} shows its heading`).toBeVisible();
  await page.waitForFunction(() => {
    const main = document.getElementById("main-content") ?? document.querySelector("main") ?? document.body;
    return Object.keys(main).some((key) => key.startsWith("__reactFiber$"));
  });
}

/**
 * Opens `path` once (waiting for the whole streamed page), checks its title names
 * the page, and audits it at each size: CSS follows the viewport without a reload.
 */
async function visit(page: Page, path: string, label: string, screenshot = false) {
  await page.setViewportSize(VIEWPORTS[0]);
  const response = await page.goto(path);
  expect(response?.status(), `${label} answered`).toBeLessThan(500);
  await waitForPage(page, label);
  // Retried: Next.js may stream the page's <title> after the shell's, so it can settle after load.
  await expect.soft(page, `the title of ${label} names the page`).toHaveTitle(/ · /);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await audit(page, `${label} at ${viewport.width}px`);
    if (screenshot && viewport.name === "phone") {
      await page.screenshot({ path: test.info().outputPath(`phone-390${path.replace(/[^a-z0-9]+/gi, "-")}.png`), fullPage: true });
    }
  }
  return response?.status();
}

/**
 * A loading state only lasts until the slow answer arrives, and axe takes a
 * while on a busy machine: so the page is caught while `busy` is shown, its
 * DOM copied without scripts (nothing can replace the skeleton then), served
 * at a URL of the same origin (so its styles load) and audited there.
 */
async function auditLoadingState(page: Page, path: string, busy: string, label: string) {
  await page.setViewportSize(VIEWPORTS[0]);
  let html = "";
  await expect(async () => {
    await page.goto(path, { waitUntil: "commit" });
    await page.locator(busy).first().waitFor({ state: "attached" });
    html = await page.evaluate((selector) => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("script").forEach((script) => script.remove());
      return copy.querySelector(selector) ? `<!DOCTYPE html>${copy.outerHTML}` : "";
    }, busy);
    expect(html, `${label}: the loading state was caught`).not.toBe("");
  }).toPass();
  const frozenUrl = new URL(`/__a11y-frozen${path}`, page.url()).toString();
  await page.route(frozenUrl, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  try {
    await page.goto(frozenUrl);
    await expect(page.locator(busy).first()).toBeAttached();
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await audit(page, `${label} at ${viewport.width}px`);
    }
  } finally {
    await page.unroute(frozenUrl);
  }
}

async function auditAllowedPages(role: Visitor) {
  const page = pages.get(role)!;
  for (const route of Object.keys(ROWS)) {
    if (!rolesFor(route).includes(role)) continue;
    const screenshot = (role === "owner" || role === "anonymous") && SCREENSHOT_ROUTES.has(route);
    for (const [index, path] of ROWS[route]!.paths(fixture).entries()) {
      await visit(page, path, `${route}${index ? ` (${path})` : ""} as ${role}`, screenshot && index === 0);
    }
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
  return { email, invitePath: new URL(await link.inputValue()).pathname };
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

/** A local date-time input's value for `date`. */
function localInput(date: Date) {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

async function reviewBulk(page: Page, recipients: string[], message: string) {
  await page.goto("/send/bulk");
  await page.getByLabel("Recipients").fill(recipients.join("\n"));
  await page.getByLabel("Message").fill(message);
  await page.getByRole("button", { name: "Review" }).click();
  return page.getByTestId("bulk-review");
}

/** Saves one form of /settings/spending and waits for its confirmation. */
async function saveSpendForm(owner: Page, fields: Record<string, string>, button: string, saved: string) {
  const form = owner.locator("form").filter({ has: owner.getByLabel(Object.keys(fields)[0]!, { exact: true }) });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole("button", { name: button, exact: true }).click();
  await expect(form.getByRole("status").filter({ hasText: saved })).toBeVisible();
}

test("every page route has a row, so a new page can't skip the accessibility check", () => {
  expect(Object.keys(ROWS).sort()).toEqual(appPageRoutes());
});

test.describe("seeded workspace", () => {
  test.beforeAll(async ({ browser }) => {
    // Timeouts here bound a hang, not speed: on a shared machine under load one role's pages took 3 minutes.
    test.setTimeout(600_000);
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    contexts.set("owner", ownerContext);
    pages.set("owner", owner);
    await ownerWithDemoKey(owner);

    // One sending (its report, and a row of the spending report), made through the UI.
    await owner.goto("/send");
    await owner.getByLabel("Recipient").fill("0555 123 45 67");
    await owner.getByLabel("Message").fill("Erişilebilirlik denemesi");
    await owner.getByRole("button", { name: "Send", exact: true }).click();
    const reportLink = owner.getByRole("link", { name: "View its report" });
    await expect(reportLink).toHaveAttribute("href", /^\/reports\/[0-9a-f-]{36}$/);
    const sendingId = (await reportLink.getAttribute("href"))!.split("/").pop()!;

    // One scheduled campaign (its page).
    const review = await reviewBulk(owner, ["0555 222 33 44", "0555 222 33 55"], "Yarın görüşürüz");
    await review.getByLabel("Send later").check();
    await review.getByLabel("Send at").fill(localInput(new Date(Date.now() + 24 * 3600 * 1000)));
    await review.getByRole("button", { name: "Send to 2 recipients" }).click();
    await expect(owner.getByTestId("campaign-state")).toHaveText("Scheduled");
    const scheduledCampaignPath = new URL(owner.url()).pathname;

    const members = new Map<Role, string>();
    for (const role of ["admin", "sender", "viewer"] as const) {
      const { email, invitePath } = await inviteMember(owner, role);
      members.set(role, email);
      await acceptInvite(browser, invitePath, role);
    }
    // Left pending, for the invitation page.
    const pendingInvitePath = (await inviteMember(owner, "viewer")).invitePath;

    // Spend controls: a default budget (the spending report's budget bars), a cap, and an approval rule.
    await owner.goto("/settings/spending");
    await saveSpendForm(owner, { "Default monthly budget": "100" }, "Save defaults", "Defaults saved.");
    const senderEmail = members.get("sender")!;
    await saveSpendForm(owner, { [`Daily cap for ${senderEmail}`]: "50", [`Monthly budget for ${senderEmail}`]: "40" }, "Save", `Limits of ${senderEmail} saved.`);
    await saveSpendForm(owner, { "Approval above recipients": "2" }, "Save rule", "Approval rule saved.");

    // The sender's campaign above the rule waits for approval (the approvals queue is not empty).
    const sender = pages.get("sender")!;
    const senderReview = await reviewBulk(sender, ["0555 222 33 66", "0555 222 33 77", "0555 222 33 88"], "Onay bekleyen kampanya");
    await senderReview.getByRole("button", { name: "Send to 3 recipients" }).click();
    await expect(sender.getByTestId("campaign-state")).toHaveText("Awaiting approval");
    const awaitingApprovalPath = new URL(sender.url()).pathname;

    const anonymousContext = await browser.newContext();
    contexts.set("anonymous", anonymousContext);
    pages.set("anonymous", await anonymousContext.newPage());
    fixture = { sendingId, scheduledCampaignPath, awaitingApprovalPath, pendingInvitePath };
  });

  test.afterAll(async () => {
    await simAdmin.clearFaults();
    for (const context of contexts.values()) await context.close();
  });

  for (const role of [...MEMBERS, "anonymous"] as const) {
    test(`every page ${role === "anonymous" ? "open to visitors" : `an ${role} can open`} passes axe at 1280 and 390 px`, async () => {
      test.setTimeout(600_000);
      await auditAllowedPages(role);
    });
  }

  test("the 403, not-found, empty, upstream error and loading states pass axe too", async () => {
    test.setTimeout(600_000);
    const owner = pages.get("owner")!;
    const viewer = pages.get("viewer")!;
    const anonymous = pages.get("anonymous")!;
    expect(await visit(viewer, "/send", "the 403 page (viewer on /send)")).toBe(403);
    expect(await visit(owner, "/no-such-page", "the not-found page, signed in")).toBe(404);
    expect(await visit(anonymous, "/no-such-page", "the not-found page, signed out")).toBe(404);
    expect(await visit(owner, "/reports/00000000-0000-4000-8000-000000000000", "an unknown report")).toBe(404);
    expect(await visit(anonymous, `/invite/${"x".repeat(43)}`, "an unknown invitation")).toBe(404);

    // Empty results and corrected parameters.
    await visit(owner, `/reports?text=${uniqueToken("none")}`, "/reports matching nothing");
    await visit(owner, "/reports?from=yesterday&limit=7", "/reports with bad parameters");
    await visit(owner, "/reports/spending?month=2001-01", "/reports/spending for a month without sends");

    // Yazsana failing: every call with the demo key answers 503, and each page says so.
    await simAdmin.addFault({ apiKey: e2eStack().demoKey, kind: "error", status: 503 });
    try {
      for (const path of ["/dashboard", "/services", "/send", "/reports", `/reports/${fixture.sendingId}`]) {
        await visit(owner, path, `${path} with Yazsana down`);
        await expect(owner.getByRole("alert").first()).toBeVisible();
      }
      // Only the header's organization list is missing there (the saved context still names the budgets).
      await visit(owner, "/settings/spending", "/settings/spending with Yazsana down");
    } finally {
      await simAdmin.clearFaults();
    }

    // Yazsana slow: the dashboard's organizations and the reports' table are still loading.
    await simAdmin.addFault({ apiKey: e2eStack().demoKey, kind: "latency", latencyMs: 9_000 });
    try {
      await auditLoadingState(owner, "/dashboard", "main .animate-pulse", "/dashboard while loading");
      await auditLoadingState(owner, "/reports", "main [aria-busy=true]", "/reports while loading");
    } finally {
      await simAdmin.clearFaults();
    }
  });

  test("keyboard: one Tab reaches the skip link, and Enter lands in the main content", async () => {
    const owner = pages.get("owner")!;
    for (const viewport of VIEWPORTS) {
      await owner.setViewportSize(viewport);
      await owner.goto("/dashboard");
      await waitForPage(owner, "/dashboard");
      await owner.keyboard.press("Tab");
      const skip = owner.getByRole("link", { name: "Skip to main content" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await owner.keyboard.press("Enter");
      await expect(owner.getByRole("main")).toBeFocused();
      // The next Tab goes into the page itself, past the whole header.
      await owner.keyboard.press("Tab");
      await expect.poll(() => owner.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
    }
  });

  test("keyboard: switching context keeps focus on the control and announces the switch", async () => {
    const owner = pages.get("owner")!;
    await owner.setViewportSize(VIEWPORTS[0]);
    await owner.goto("/dashboard");
    await waitForPage(owner, "/dashboard");
    const context = owner.getByLabel("Context", { exact: true });
    await expect(context).toHaveValue("personal");
    // The context control's own hint (the workspace and language switchers have one each too). It
    // stays in the DOM for screen readers (sr-only, which Playwright counts as visible), shown only while a choice waits.
    const pendingHint = owner.locator("#org-context-hint");
    await context.focus();
    await owner.keyboard.press("ArrowDown");
    // Arrow keys only move the choice: it waits, visibly, for Enter.
    await expect(pendingHint).not.toHaveClass(/sr-only/);
    await expect(pendingHint).toHaveText("Press Enter to apply.");
    const chosen = await context.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]!.textContent!);
    expect(chosen).not.toBe("Personal credit");
    await owner.keyboard.press("Enter");
    const announcement = owner.getByTestId("org-context-announcement");
    await expect(announcement).toHaveText(`Switched to ${chosen}`);
    await expect(announcement).toHaveAttribute("aria-live", "polite");
    await expect(context).toBeFocused();
    await expect(owner.getByRole("row", { name: new RegExp(chosen) })).toContainText("current context");
    await expect(pendingHint).toHaveClass(/sr-only/);

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
    await waitForPage(owner, "/settings");
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

  // Last: it moves the owner into a new workspace.
  test("a fresh workspace without a key shows its empty states accessibly", async () => {
    test.setTimeout(600_000);
    const owner = pages.get("owner")!;
    await owner.setViewportSize(VIEWPORTS[0]);
    await owner.goto("/workspaces/new");
    await owner.getByLabel("Workspace name").fill("Empty Messaging");
    await owner.getByRole("button", { name: "Create workspace" }).click();
    await expect(owner).toHaveURL(/\/settings\/api-key/);
    for (const path of [
      "/dashboard",
      "/services",
      "/send",
      "/send/campaigns",
      "/send/approvals",
      "/reports",
      "/reports/spending",
      "/settings/members",
      "/settings/audit",
      "/settings/spending",
      "/settings/api-key?welcome=1",
    ]) {
      await visit(owner, path, `${path} in a fresh workspace`);
    }
  });
});
