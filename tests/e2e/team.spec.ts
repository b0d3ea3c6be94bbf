import { expect, test } from "@playwright/test";
import { PASSWORD, signUp, uniqueEmail } from "./support/accounts";
import { waitForMailLink } from "./support/mail";

test("an owner invites a sender by email; roles and removal take effect on the member's next request", async ({ page, browser }) => {
  const owner = await signUp(page, undefined, "Team Messaging");
  const invitee = uniqueEmail("sender");

  await page.goto("/settings/members");
  await page.getByLabel("Email").fill(invitee);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Sender" });
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const inviteLink = page.getByLabel("Invite link");
  await expect(inviteLink).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId(`invite-${invitee}`)).toContainText("Sender");

  // The mail sink received the same link.
  const { mail, link } = await waitForMailLink(invitee, "/invite/");
  expect(link).toBe(await inviteLink.inputValue());
  expect(mail.subject).toBe("You're invited to Team Messaging on Yazsana Portal");

  // The invitee signs up on the invitation page and lands in the workspace.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto(link);
  await expect(member.getByRole("heading", { name: "Join Team Messaging" })).toBeVisible();
  await expect(member.getByLabel("Email")).toHaveValue(invitee);
  await expect(member.getByLabel("Email")).toHaveAttribute("readonly", "");
  await member.getByLabel("Your name").fill("Sena Sender");
  await member.getByLabel("Password").fill(PASSWORD);
  await member.getByRole("button", { name: "Create account and join" }).click();
  await expect(member).toHaveURL(/\/dashboard$/);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Team Messaging");
  await expect(member.getByText("Sender", { exact: true })).toBeVisible();

  // The link worked once.
  const reused = await member.goto(link);
  expect(reused?.status()).toBe(404);
  await expect(member.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();

  // A sender can't open the API key or members pages: a plain 403.
  for (const path of ["/settings/api-key", "/settings/members"]) {
    const response = await member.goto(path);
    expect(response?.status()).toBe(403);
    await expect(member.getByText("Your role in this workspace doesn't allow this")).toBeVisible();
  }

  // The owner demotes them to viewer: their next request sees the new role.
  await member.goto("/settings");
  await page.goto("/settings/members");
  await page.getByLabel(`Role for ${invitee}`).selectOption({ label: "Viewer" });
  await expect(page.getByText(`${invitee} is now Viewer.`)).toBeVisible();
  await member.reload();
  await expect(member.getByText("Viewer", { exact: true })).toBeVisible();

  // The owner removes them; the page they still have open stops working on its next action.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Remove ${invitee}` }).click();
  // The row (and its form) goes away with the refreshed list.
  await expect(page.getByTestId(`member-${invitee}`)).toHaveCount(0);
  member.once("dialog", (dialog) => void dialog.accept());
  await member.getByRole("button", { name: "Leave workspace" }).click();
  await expect(member.getByText("You are no longer a member of this workspace, so nothing was done.")).toBeVisible();
  await member.goto("/dashboard");
  await expect(member).toHaveURL(/\/workspaces\/new$/);
  await memberContext.close();

  // Every step is in the audit log, and the filters narrow it.
  await page.goto("/settings/audit");
  await page.getByLabel("Action").selectOption({ label: "Removed a member" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=member\.removed/);
  await expect(page.getByRole("cell", { name: `Removed ${invitee} (Viewer) from the workspace` })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Invited/ })).toHaveCount(0);
  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: `Invited ${invitee} as Sender` })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Accepted the invitation and joined as Sender" })).toBeVisible();
  await expect(page.getByRole("cell", { name: `Changed the role of ${invitee} from Sender to Viewer` })).toBeVisible();
  expect(owner).toContain("@example.com");
});

test("closed and broken invitation links get a clear page, never a form or a 500", async ({ page }) => {
  for (const [path, heading] of [
    ["/invite/not-a-token", "This invitation link is broken"],
    [`/invite/${"A".repeat(43)}`, "Invitation not found"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    await expect(page.getByRole("button")).toHaveCount(0);
  }
});

test("someone logged in with another email is told whom the invitation is for and can switch accounts", async ({ page, browser }) => {
  await signUp(page, undefined, "Switch Co");
  const invitee = uniqueEmail("other");
  await page.goto("/settings/members");
  await page.getByLabel("Email").fill(invitee);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const link = await page.getByLabel("Invite link").inputValue();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other);
  await other.goto(link);
  await expect(other.getByText(`This invitation is for ${invitee}`)).toBeVisible();
  await other.getByRole("button", { name: "Log out and continue" }).click();
  await expect(other.getByLabel("Your name")).toBeVisible();
  await expect(other.getByLabel("Email")).toHaveValue(invitee);
  await otherContext.close();
});

