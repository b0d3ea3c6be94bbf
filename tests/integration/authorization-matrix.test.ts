/**
 * Every server action and route handler in app/ × owner, admin, sender,
 * viewer, a member of another workspace ("outsider") and a logged-out visitor,
 * asserted at the server. The list of entry points is read from the code: a
 * new action or route without a row here fails the first test.
 *
 * Adding a row: key "app/<file>#<export>", `allowed` = who passes, `outsider`
 * when a member of another workspace gets something else than `allowed` says
 * (e.g. "not_found" for ids of this workspace), and `fields` = a valid form
 * for the persona (fresh targets per call, so rows don't depend on each other).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { newOneTimeToken } from "@/lib/crypto/one-time-token";
import { INITIAL_ACTION_STATE, WORKSPACE_FIELD, type ActionState } from "@/lib/actions/action-state";
import { startTestSimulator, type TestSimulator } from "@/sim/testing";
import { createUser, createWorkspaceWith, uniqueEmail } from "../support/team-fixtures";
import { setSessionToken } from "../support/next-request-scope";
import {
  classifyResponse,
  classifyState,
  classifyThrown,
  discoverEntryPoints,
  EVERYONE,
  loadEntryPoint,
  MEMBERS,
  PERSONAS,
  sessionCookieFor,
  SIGNED_IN,
  type Outcome,
  type Persona,
} from "../support/authorization-matrix";

// The persona's signed session cookie reaches the app through the cookie store.
vi.mock("next/headers", async () => (await import("../support/next-request-scope")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request-scope")).nextCache);

type World = {
  workspace: { id: string; name: string };
  other: { id: string; name: string };
  users: Record<Exclude<Persona, "anonymous">, { id: string; email: string }>;
  simulator: TestSimulator;
};
type Fields = Record<string, string>;
type Row = {
  allowed: Persona[];
  outsider?: Outcome;
  fields?: (world: World, persona: Persona) => Fields | Promise<Fields>;
  /** Route handlers: statuses that mean "served" for this route (e.g. the outage page's 503). */
  servedStatuses?: number[];
};

const PASSWORD = "a long test passphrase";

/** A pending invitation in the matrix workspace, made directly (it isn't what is being tested here). */
async function freshInvite(world: World) {
  const { token, tokenHash } = newOneTimeToken();
  const invite = await db.invite.create({
    data: { workspaceId: world.workspace.id, email: uniqueEmail("invitee"), role: "viewer", tokenHash, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return { id: invite.id, token };
}

async function freshMember(world: World) {
  const user = await createUser("target");
  const membership = await db.membership.create({ data: { userId: user.id, workspaceId: world.workspace.id, role: "sender" } });
  return membership.id;
}

const ROWS: Record<string, Row> = {
  // Sign-up and invitations: public or any signed-in user.
  "app/(auth)/signup/actions.ts#signUp": {
    allowed: EVERYONE,
    fields: () => ({ name: "New", email: uniqueEmail("signup"), password: PASSWORD, workspaceName: "Matrix Signup" }),
  },
  "app/(auth)/invite/[token]/actions.ts#signUpWithInviteAction": {
    allowed: EVERYONE,
    fields: async (world) => ({ token: (await freshInvite(world)).token, name: "Invitee", password: PASSWORD }),
  },
  "app/(auth)/invite/[token]/actions.ts#acceptInviteAction": {
    allowed: SIGNED_IN,
    fields: async (world) => ({ token: (await freshInvite(world)).token }),
  },
  "app/(auth)/invite/[token]/actions.ts#resendVerificationAction": { allowed: SIGNED_IN },

  // The language switcher works signed in or out.
  "app/locale-actions.ts#chooseLocaleAction": { allowed: EVERYONE, fields: () => ({ locale: "en" }) },

  // The user's own account, whatever their workspace.
  "app/(portal)/settings/account-actions.ts#changeNameAction": { allowed: SIGNED_IN, fields: () => ({ name: "Renamed" }) },
  "app/(portal)/settings/account-actions.ts#changePasswordAction": {
    allowed: SIGNED_IN,
    fields: () => ({ currentPassword: "not the password", newPassword: "another long passphrase", confirmPassword: "another long passphrase" }),
  },
  "app/(portal)/settings/account-actions.ts#revokeSessionsAction": { allowed: SIGNED_IN },
  // Log out clears the cookie and sends everyone, signed in or not, to the login page: the matrix reads that redirect as "refused".
  "app/(portal)/session-actions.ts#logOutAction": { allowed: [] },
  "app/(portal)/settings/account-actions.ts#savePreferencesAction": { allowed: SIGNED_IN, fields: () => ({ locale: "en", timeZone: "UTC" }) },
  "app/(portal)/workspace-actions.ts#switchWorkspaceAction": {
    allowed: MEMBERS,
    outsider: "not_found",
    fields: (world) => ({ workspaceId: world.workspace.id }),
  },
  "app/(portal)/workspace-actions.ts#createWorkspaceAction": { allowed: SIGNED_IN, fields: () => ({ name: "Matrix Extra" }) },

  // Inside a workspace. The outsider acts in their own workspace (where they are owner).
  "app/(portal)/org-context-actions.ts#chooseOrgContextAction": { allowed: SIGNED_IN, fields: () => ({ organizationId: "personal" }) },
  "app/(portal)/settings/api-key/actions.ts#saveApiKeyAction": {
    allowed: ["owner", "admin", "outsider"],
    fields: (world) => ({ apiKey: world.simulator.demoKey }),
  },
  "app/(portal)/settings/api-key/actions.ts#removeApiKeyAction": { allowed: ["owner", "admin", "outsider"] },
  "app/(portal)/settings/members/actions.ts#inviteMemberAction": {
    allowed: ["owner", "admin", "outsider"],
    fields: () => ({ email: uniqueEmail("invited"), role: "viewer" }),
  },
  "app/(portal)/settings/members/actions.ts#resendInviteAction": {
    allowed: ["owner", "admin"],
    outsider: "not_found",
    fields: async (world) => ({ inviteId: (await freshInvite(world)).id }),
  },
  "app/(portal)/settings/members/actions.ts#revokeInviteAction": {
    allowed: ["owner", "admin"],
    outsider: "not_found",
    fields: async (world) => ({ inviteId: (await freshInvite(world)).id }),
  },
  "app/(portal)/settings/members/actions.ts#changeMemberRoleAction": {
    allowed: ["owner", "admin"],
    outsider: "not_found",
    fields: async (world) => ({ membershipId: await freshMember(world), role: "viewer" }),
  },
  "app/(portal)/settings/members/actions.ts#removeMemberAction": {
    allowed: ["owner", "admin"],
    outsider: "not_found",
    fields: async (world) => ({ membershipId: await freshMember(world) }),
  },
  "app/(portal)/settings/members/actions.ts#transferOwnershipAction": {
    allowed: ["owner"],
    outsider: "not_found",
    fields: async (world) => ({ membershipId: await freshMember(world) }),
  },
  "app/(portal)/settings/members/actions.ts#leaveWorkspaceAction": { allowed: SIGNED_IN },

  // Sending: senders and up, in their own workspace (the outsider in theirs). Empty forms reach the input check, after the role check.
  "app/(portal)/send/actions.ts#sendSmsAction": { allowed: ["owner", "admin", "sender", "outsider"] },
  "app/(portal)/send/campaigns/actions.ts#confirmCampaignAction": { allowed: ["owner", "admin", "sender", "outsider"] },
  "app/(portal)/send/campaigns/actions.ts#cancelCampaignAction": { allowed: ["owner", "admin", "sender", "outsider"] },
  "app/(portal)/send/campaigns/actions.ts#resumeCampaignAction": { allowed: ["owner", "admin", "sender", "outsider"] },

  // Spend controls: owners and admins (the outsider in their own workspace). Empty forms reach the input check, after the role check.
  "app/(portal)/settings/spending/actions.ts#saveSpendLimitsAction": { allowed: ["owner", "admin", "outsider"] },
  "app/(portal)/settings/spending/actions.ts#saveApprovalRuleAction": { allowed: ["owner", "admin", "outsider"] },
  "app/(portal)/settings/spending/actions.ts#saveSpendTimeZoneAction": { allowed: ["owner", "admin", "outsider"] },
  "app/(portal)/send/approvals/actions.ts#approveCampaignAction": { allowed: ["owner", "admin", "outsider"] },
  "app/(portal)/send/approvals/actions.ts#rejectCampaignAction": { allowed: ["owner", "admin", "outsider"] },

  // Route handlers.
  "app/api/health/route.ts#GET": { allowed: EVERYONE },
  // Called without its x-bulk-review header: callers who may send get 400 (a malformed form), the others 401/403 before it is read.
  "app/api/bulk/review/route.ts#POST": { allowed: ["owner", "admin", "sender", "outsider"] },
  "app/(portal)/reports/export.csv/route.ts#GET": { allowed: SIGNED_IN },
  "app/(portal)/reports/[sendingId]/messages.csv/route.ts#GET": { allowed: SIGNED_IN },
  "app/(portal)/send/campaigns/[id]/invalid-lines/route.ts#GET": { allowed: SIGNED_IN },
  "app/(portal)/reports/spending/export.csv/route.ts#GET": { allowed: ["owner", "admin", "outsider"] },
  // The outage page answers 503 on purpose, to everyone.
  "app/unavailable/route.ts#GET": { allowed: EVERYONE, servedStatuses: [503] },
  // next-auth's own endpoints (sign-in, session, CSRF) are public by design and check credentials themselves.
  "app/api/auth/[...nextauth]/route.ts#GET": { allowed: EVERYONE },
  "app/api/auth/[...nextauth]/route.ts#POST": { allowed: EVERYONE },
};

/** Route handlers the matrix can't call outside Next (they read Next's own request scope), with the reason. */
const NOT_CALLABLE_HERE: Record<string, string> = {
  "app/(portal)/reports/[sendingId]/messages.csv/route.ts#GET":
    "reads the route's params, which only Next passes; 401 without a session and 403 without rights in tests/integration/reports.test.ts",
  "app/(portal)/send/campaigns/[id]/invalid-lines/route.ts#GET":
    "reads the route's params, which only Next passes; guarded by guardWorkspaceRoute like the other routes (no role test of its own yet)",
  "app/api/auth/[...nextauth]/route.ts#GET": "next-auth's handler reads next/headers itself; covered by the browser tests' logins",
  "app/api/auth/[...nextauth]/route.ts#POST": "next-auth's handler reads next/headers itself; covered by the browser tests' logins",
};

let world: World;

/** Puts every persona back: membership, role and current workspace (rows may leave, transfer or switch). */
async function resetWorld() {
  const { users, workspace, other } = world;
  for (const persona of MEMBERS) {
    const userId = users[persona as Exclude<Persona, "anonymous">].id;
    await db.membership.upsert({
      where: { userId_workspaceId: { userId, workspaceId: workspace.id } },
      create: { userId, workspaceId: workspace.id, role: persona as "owner" | "admin" | "sender" | "viewer" },
      update: { role: persona as "owner" | "admin" | "sender" | "viewer" },
    });
    await db.user.update({ where: { id: userId }, data: { currentWorkspaceId: workspace.id } });
  }
  await db.membership.upsert({
    where: { userId_workspaceId: { userId: users.outsider.id, workspaceId: other.id } },
    create: { userId: users.outsider.id, workspaceId: other.id, role: "owner" },
    update: { role: "owner" },
  });
  await db.user.update({ where: { id: users.outsider.id }, data: { currentWorkspaceId: other.id } });
}

async function callAction(id: string, row: Row, persona: Persona): Promise<Outcome> {
  await resetWorld();
  const user = persona === "anonymous" ? null : world.users[persona];
  setSessionToken(await sessionCookieFor(user?.id ?? null));
  const form = new FormData();
  // The workspace the form was rendered for: the persona's own (the visitor's would be the matrix workspace's).
  form.set(WORKSPACE_FIELD, persona === "outsider" ? world.other.id : world.workspace.id);
  for (const [name, value] of Object.entries((await row.fields?.(world, persona)) ?? {})) form.set(name, value);
  const action = await loadEntryPoint<(state: ActionState, form: FormData) => Promise<ActionState>>(id);
  try {
    return classifyState(await action(INITIAL_ACTION_STATE, form));
  } catch (error) {
    return classifyThrown(error);
  }
}

async function callRoute(id: string, row: Row, persona: Persona): Promise<Outcome> {
  await resetWorld();
  const user = persona === "anonymous" ? null : world.users[persona];
  setSessionToken(await sessionCookieFor(user?.id ?? null));
  const handler = await loadEntryPoint<(request: Request) => Promise<Response>>(id);
  try {
    const response = await handler(new Request(`http://portal.test/${id}`));
    return row.servedStatuses?.includes(response.status) ? "allowed" : classifyResponse(response);
  } catch (error) {
    return classifyThrown(error);
  }
}

function expected(row: Row, persona: Persona): Outcome {
  if (persona === "outsider" && row.outsider) return row.outsider;
  return row.allowed.includes(persona) ? "allowed" : "refused";
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
  process.env.NEXTAUTH_URL = "http://portal.test";
  process.env.KEY_ENCRYPTION_KEYS = `v1:${randomBytes(32).toString("base64")}`;
  const simulator = await startTestSimulator();
  process.env.YAZSANA_API_URL = simulator.url;
  const [owner, admin, sender, viewer, outsider] = await Promise.all(["owner", "admin", "sender", "viewer", "outsider"].map((name) => createUser(`matrix-${name}`)));
  const workspace = await createWorkspaceWith("Matrix Co", []);
  const other = await createWorkspaceWith("Elsewhere Co", []);
  world = { workspace, other, users: { owner: owner!, admin: admin!, sender: sender!, viewer: viewer!, outsider: outsider! }, simulator };
});
afterAll(() => world?.simulator.close());

describe("authorization matrix", () => {
  it("has a row for every server action and route handler in app/, and no row for anything gone", async () => {
    const { actions, routes } = await discoverEntryPoints();
    expect(actions.length).toBeGreaterThan(10);
    expect([...actions, ...routes].sort()).toEqual(Object.keys(ROWS).sort());
  });

  for (const [id, row] of Object.entries(ROWS)) {
    const isRoute = /\/route\.tsx?#/.test(id);
    if (isRoute && NOT_CALLABLE_HERE[id]) continue;
    it(`${id}: ${PERSONAS.map((persona) => `${persona} ${expected(row, persona)}`).join(", ")}`, async () => {
      const outcomes: Record<string, Outcome> = {};
      for (const persona of PERSONAS) outcomes[persona] = isRoute ? await callRoute(id, row, persona) : await callAction(id, row, persona);
      expect(outcomes).toEqual(Object.fromEntries(PERSONAS.map((persona) => [persona, expected(row, persona)])));
    });
  }
});
