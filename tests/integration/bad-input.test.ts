/**
 * The bad-input corpus against every server action and route handler in app/,
 * called in-process as a logged-in owner (real signed session, real database,
 * the simulator over HTTP — the authorization matrix's harness). Oversized,
 * wrongly typed and missing fields, unicode edge cases, injection strings,
 * path traversal, non-UUID ids and non-FormData arguments: each gets a clear
 * refusal or a field error, never "something went wrong"; a refusal changes
 * no row of the database and sends nothing to Yazsana. The entry points are
 * read from app/, so a new action or route without a row here fails.
 *
 * Pages and routes over HTTP against the production build: tests/e2e/bad-input.spec.ts.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { newOneTimeToken } from "@/lib/crypto/one-time-token";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { INITIAL_ACTION_STATE, WORKSPACE_FIELD, type ActionState } from "@/lib/actions/action-state";
import { FIXTURE, startTestSimulator, type TestSimulator } from "@/sim/testing";
import { createUser, createWorkspaceWith, uniqueEmail } from "../support/team-fixtures";
import { classifyState, classifyThrown, discoverEntryPoints, loadEntryPoint, sessionCookieFor } from "../support/authorization-matrix";
import { anyText, FIELD_CORPUS, hasDirectionControl, ID_CORPUS, NAME_DIRECTION_CORPUS, NOT_FORM_DATA, notAUuid, PROPERTY_SETTINGS, type CorpusValue } from "../support/bad-input-corpus";
import enValidation from "@/messages/en/validation.json";
import { changedTables, databaseFingerprint } from "../support/database-fingerprint";
import { setSessionToken } from "../support/next-request-scope";

// The persona's signed session cookie reaches the app through the cookie store.
vi.mock("next/headers", async () => (await import("../support/next-request-scope")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request-scope")).nextCache);

type World = {
  owner: { id: string; email: string };
  workspace: { id: string; name: string };
  simulator: TestSimulator;
};
type Fields = Record<string, string>;
type FormRow = {
  /** A valid form, fresh per call (new targets, new idempotency keys). */
  fields: (world: World) => Fields | Promise<Fields>;
  /** Fields holding ids or tokens: they get the id corpus too. */
  ids?: string[];
  /** Display or workspace names: text-direction controls are refused there, next to the field. */
  names?: string[];
  /** Tables a refusal may still write ("schema.table"), and why. */
  refusalMayWrite?: string[];
  /** fields() writes fixtures (invitations, members). */
  writesFixtures?: boolean;
};

const PASSWORD = "a long test passphrase";
/** Each test makes hundreds of calls; on a shared, loaded machine that takes a while (a timed-out test would keep writing during the next one). */
const TEST_TIMEOUT_MS = 300_000;

async function freshInvite(world: World) {
  const { token, tokenHash } = newOneTimeToken();
  const invite = await db.invite.create({
    data: { workspaceId: world.workspace.id, email: uniqueEmail("invitee"), role: "viewer", tokenHash, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return { id: invite.id, token };
}

async function freshMember(world: World) {
  const user = await createUser("target");
  return (await db.membership.create({ data: { userId: user.id, workspaceId: world.workspace.id, role: "sender" } })).id;
}

const FORMS: Record<string, FormRow> = {
  "app/(auth)/signup/actions.ts#signUp": {
    fields: () => ({ name: "New", email: uniqueEmail("signup"), password: PASSWORD, workspaceName: "Corpus Signup" }),
    names: ["name", "workspaceName"],
  },
  "app/(auth)/invite/[token]/actions.ts#signUpWithInviteAction": {
    writesFixtures: true, fields: async (world) => ({ token: (await freshInvite(world)).token, name: "Invitee", password: PASSWORD }),
    ids: ["token"],
    names: ["name"],
  },
  "app/(auth)/invite/[token]/actions.ts#acceptInviteAction": { writesFixtures: true, fields: async (world) => ({ token: (await freshInvite(world)).token }), ids: ["token"] },
  "app/(auth)/invite/[token]/actions.ts#resendVerificationAction": { fields: () => ({}) },
  "app/locale-actions.ts#chooseLocaleAction": { fields: () => ({ locale: "en" }) },
  "app/(portal)/settings/account-actions.ts#changeNameAction": { fields: () => ({ name: "Renamed" }), names: ["name"] },
  "app/(portal)/settings/account-actions.ts#changePasswordAction": {
    fields: () => ({ currentPassword: "not the password", newPassword: "another long passphrase", confirmPassword: "another long passphrase" }),
  },
  "app/(portal)/settings/account-actions.ts#revokeSessionsAction": { fields: () => ({}) },
  // Reads nothing it is sent: whatever arrives, it clears the session cookie and redirects to the login page (a refusal here).
  "app/(portal)/session-actions.ts#logOutAction": { fields: () => ({}) },
  "app/(portal)/settings/account-actions.ts#savePreferencesAction": { fields: () => ({ locale: "en", timeZone: "UTC" }) },
  "app/(portal)/workspace-actions.ts#switchWorkspaceAction": { fields: (world) => ({ workspaceId: world.workspace.id }), ids: ["workspaceId"] },
  "app/(portal)/workspace-actions.ts#createWorkspaceAction": { fields: () => ({ name: "Corpus Extra" }), names: ["name"] },
  "app/(portal)/org-context-actions.ts#chooseOrgContextAction": { fields: () => ({ organizationId: "personal" }), ids: ["organizationId"] },
  "app/(portal)/settings/api-key/actions.ts#saveApiKeyAction": {
    fields: (world) => ({ apiKey: world.simulator.demoKey }),
    // A key Yazsana refuses is audited (why, never the key): README, Security limits.
    refusalMayWrite: ["public.audit_events"],
  },
  "app/(portal)/settings/api-key/actions.ts#removeApiKeyAction": { fields: () => ({}) },
  "app/(portal)/settings/members/actions.ts#inviteMemberAction": { fields: () => ({ email: uniqueEmail("invited"), role: "viewer" }) },
  "app/(portal)/settings/members/actions.ts#resendInviteAction": { writesFixtures: true, fields: async (world) => ({ inviteId: (await freshInvite(world)).id }), ids: ["inviteId"] },
  "app/(portal)/settings/members/actions.ts#revokeInviteAction": { writesFixtures: true, fields: async (world) => ({ inviteId: (await freshInvite(world)).id }), ids: ["inviteId"] },
  "app/(portal)/settings/members/actions.ts#changeMemberRoleAction": {
    writesFixtures: true, fields: async (world) => ({ membershipId: await freshMember(world), role: "viewer" }),
    ids: ["membershipId"],
  },
  "app/(portal)/settings/members/actions.ts#removeMemberAction": { writesFixtures: true, fields: async (world) => ({ membershipId: await freshMember(world) }), ids: ["membershipId"] },
  "app/(portal)/settings/members/actions.ts#transferOwnershipAction": {
    writesFixtures: true, fields: async (world) => ({ membershipId: await freshMember(world) }),
    ids: ["membershipId"],
  },
  "app/(portal)/settings/members/actions.ts#leaveWorkspaceAction": { fields: () => ({}) },
  "app/(portal)/send/actions.ts#sendSmsAction": {
    fields: () => ({ recipient: "0555 123 45 67", message: "Corpus hello", serviceId: FIXTURE.services.standard, idempotencyKey: randomUUID() }),
    ids: ["serviceId", "idempotencyKey"],
  },
  // An unknown campaign: the corpus is about the input check in front of the lookup (tests/integration/campaigns.test.ts sends real ones).
  "app/(portal)/send/campaigns/actions.ts#confirmCampaignAction": { fields: () => ({ campaignId: randomUUID() }), ids: ["campaignId"] },
  "app/(portal)/send/campaigns/actions.ts#cancelCampaignAction": { fields: () => ({ campaignId: randomUUID() }), ids: ["campaignId"] },
  "app/(portal)/send/campaigns/actions.ts#resumeCampaignAction": { fields: () => ({ campaignId: randomUUID() }), ids: ["campaignId"] },
  // Unknown campaigns again: the input check in front of the lookup (tests/integration/spending-*.test.ts decide real ones).
  "app/(portal)/send/approvals/actions.ts#approveCampaignAction": { fields: () => ({ campaignId: randomUUID() }), ids: ["campaignId"] },
  "app/(portal)/send/approvals/actions.ts#rejectCampaignAction": { fields: () => ({ campaignId: randomUUID(), reason: "Too many recipients" }), ids: ["campaignId"] },
  "app/(portal)/settings/spending/actions.ts#saveSpendLimitsAction": {
    // Empty means "no limit": an accepted save must not cap the sends of later tests.
    fields: (w) => ({ subject: w.owner.id, contextKey: "personal", monthlyBudget: "", dailyCap: "" }),
    ids: ["subject"],
  },
  "app/(portal)/settings/spending/actions.ts#saveApprovalRuleAction": { fields: () => ({ aboveRecipients: "", aboveCost: "" }) },
  "app/(portal)/settings/spending/actions.ts#saveSpendTimeZoneAction": { fields: () => ({ timeZone: "Europe/Istanbul" }) },
};

let world: World;

/** The owner back in their workspace, as owner, with the key stored (rows may leave, transfer, switch or remove it). */
async function resetWorld() {
  const { owner, workspace } = world;
  await db.membership.upsert({
    where: { userId_workspaceId: { userId: owner.id, workspaceId: workspace.id } },
    create: { userId: owner.id, workspaceId: workspace.id, role: "owner" },
    update: { role: "owner" },
  });
  await db.user.update({ where: { id: owner.id }, data: { currentWorkspaceId: workspace.id, name: "Corpus Owner" } });
  // A corpus value may be a legal limit (say "7"): spend controls must not refuse the sends of later rows.
  await db.spendBudget.deleteMany({ where: { workspaceId: workspace.id } });
  await db.spendCap.deleteMany({ where: { workspaceId: workspace.id } });
  await db.spendSettings.deleteMany({ where: { workspaceId: workspace.id } });
  if (!(await db.apiCredential.findUnique({ where: { workspaceId: workspace.id }, select: { id: true } }))) {
    await saveApiKey({ workspaceId: workspace.id, apiKey: world.simulator.demoKey, verifiedUser: { id: FIXTURE.demoUserId, username: "demo", email: "demo@example.com" }, actorId: owner.id });
  }
  setSessionToken(await sessionCookieFor(owner.id));
}

const upstreamSends = () => world.simulator.seen.filter((seen) => seen.operation === "sendSingleSms" || seen.operation === "sendBulkSms").length;

/**
 * The database as the last refusal left it, while nothing but refusals ran
 * since: a refusal changes nothing (asserted), so the world needs no reset
 * and its fingerprint no new reading. Cleared by anything else.
 */
let unchangedSince: Record<string, string> | null = null;

async function formFields(row: FormRow): Promise<Fields> {
  const fields = await row.fields(world);
  if (row.writesFixtures) unchangedSince = null;
  return fields;
}

type Answer = { outcome: "ok" | "refused" | "error"; state?: ActionState; detail: string };

/** Calls the action as the owner and says what came back; a thrown error other than Next's redirect/404 counts as an error. */
async function callAction(id: string, argument: unknown): Promise<Answer> {
  const action = await loadEntryPoint<(state: ActionState, form: unknown) => Promise<ActionState>>(id);
  try {
    const state = await action(INITIAL_ACTION_STATE, argument);
    if (classifyState(state) === "error") return { outcome: "error", state, detail: state.message ?? "" };
    return { outcome: state.ok ? "ok" : "refused", state, detail: JSON.stringify(state).slice(0, 300) };
  } catch (error) {
    try {
      // A redirect is how several actions answer success; a 404 is a refusal.
      const outcome = classifyThrown(error);
      return { outcome: outcome === "allowed" ? "ok" : "refused", detail: String((error as { digest?: string }).digest) };
    } catch {
      return { outcome: "error", detail: error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error) };
    }
  }
}

/**
 * One call and the invariants every answer must keep: no error; a refusal
 * says why (a message or a field error) and writes nothing, sends nothing;
 * a value that must be refused is refused.
 */
async function expectHandled(id: string, argument: unknown, what: string, mustRefuse: boolean) {
  if (!unchangedSince) await resetWorld();
  const before = unchangedSince ?? (await databaseFingerprint());
  unchangedSince = null;
  const sendsBefore = upstreamSends();
  const answer = await callAction(id, argument);
  expect(answer.outcome, `${what}: ${answer.detail}`).not.toBe("error");
  if (mustRefuse) expect(answer.outcome, `${what} was accepted: ${answer.detail}`).toBe("refused");
  if (answer.outcome !== "refused") return answer;
  if (answer.state) {
    const explained = !!answer.state.message || Object.values(answer.state.fieldErrors ?? {}).some((errors) => (errors?.length ?? 0) > 0);
    expect(explained, `${what}: refused without a message or field error`).toBe(true);
  }
  const after = await databaseFingerprint();
  const changed = changedTables(before, after).filter((table) => !FORMS[id]!.refusalMayWrite?.includes(table));
  expect(changed, `${what}: refused (${answer.detail}) but wrote to`).toEqual([]);
  expect(upstreamSends() - sendsBefore, `${what}: refused but sent`).toBe(0);
  unchangedSince = after;
  return answer;
}

function formWith(world: World, fields: Fields): FormData {
  const form = new FormData();
  form.set(WORKSPACE_FIELD, world.workspace.id);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
  process.env.NEXTAUTH_URL = "http://portal.test";
  process.env.KEY_ENCRYPTION_KEYS = `v1:${randomBytes(32).toString("base64")}`;
  process.env.BULK_UPLOAD_MAX_BYTES = "65536";
  const simulator = await startTestSimulator();
  process.env.YAZSANA_API_URL = simulator.url;
  const owner = await createUser("corpus-owner");
  const workspace = await createWorkspaceWith("Corpus Co", [{ userId: owner.id, role: "owner" }]);
  world = { owner, workspace, simulator };
  await resetWorld();
});
afterAll(() => world?.simulator.close());

describe("bad input: server actions", () => {
  it("has a form for every server action in app/, and none for anything gone", async () => {
    const { actions } = await discoverEntryPoints();
    expect(actions.sort()).toEqual(Object.keys(FORMS).sort());
  }, TEST_TIMEOUT_MS);

  for (const [id, row] of Object.entries(FORMS)) {
    describe(id, () => {
      it("refuses anything but FormData, changing nothing", async () => {
        for (const { label, value } of NOT_FORM_DATA) await expectHandled(id, value, `${label} instead of FormData`, true);
      }, TEST_TIMEOUT_MS);

      it("answers a form without each field, or with a file or a duplicate in its place", async () => {
        const names = Object.keys(await formFields(row));
        for (const name of [...names, WORKSPACE_FIELD]) {
          const fields = await formFields(row);
          const form = formWith(world, fields);
          form.delete(name);
          await expectHandled(id, form, `without ${name}`, false);

          const withFile = formWith(world, await formFields(row));
          withFile.set(name, new File(["905551234567"], "numbers.csv", { type: "text/csv" }));
          await expectHandled(id, withFile, `a file as ${name}`, names.includes(name));

          const twice = formWith(world, await formFields(row));
          twice.append(name, "\u0000");
          await expectHandled(id, twice, `${name} twice, the second with a NUL`, names.includes(name));
        }
      }, TEST_TIMEOUT_MS);

      it("answers the fixed corpus in every field", async () => {
        const names = Object.keys(await formFields(row));
        for (const name of names) {
          const corpus: CorpusValue[] = [...FIELD_CORPUS, ...(row.ids?.includes(name) ? ID_CORPUS : []), ...(row.names?.includes(name) ? NAME_DIRECTION_CORPUS : [])];
          for (const { label, value, kind } of corpus) {
            const fields = { ...(await formFields(row)), [name]: value };
            await expectHandled(id, formWith(world, fields), `${name} = ${label}`, kind === "refuse");
          }
        }
      }, TEST_TIMEOUT_MS);

      if (row.names) {
        it("refuses text-direction controls in names with the reason next to the field", async () => {
          for (const name of row.names!) {
            for (const { label, value } of NAME_DIRECTION_CORPUS) {
              const answer = await expectHandled(id, formWith(world, { ...(await formFields(row)), [name]: value }), `${name} = ${label}`, true);
              expect(answer.state?.fieldErrors?.[name], `${name} = ${label}`).toEqual([enValidation.directionControls]);
            }
          }
        }, TEST_TIMEOUT_MS);
      }

      it("answers generated text in every field (fast-check)", async () => {
        const names = [...Object.keys(await formFields(row)), WORKSPACE_FIELD];
        const ids = [...(row.ids ?? []), WORKSPACE_FIELD];
        const property = fc.asyncProperty(fc.constantFrom(...names), fc.boolean(), anyText(), notAUuid(), async (name, asId, text, id_) => {
          const value = asId && ids.includes(name) ? id_ : text;
          const fields = { ...(await formFields(row)), [name]: value };
          const form = formWith(world, fields);
          if (name === WORKSPACE_FIELD) form.set(WORKSPACE_FIELD, value);
          // Text that can't be stored must be refused: a NUL (FormData turns lone surrogates into U+FFFD, as browsers do);
          // so must a name with text-direction controls.
          const mustRefuse = value.includes("\u0000") || (!!row.names?.includes(name) && hasDirectionControl(value));
          await expectHandled(id, form, `${name} = ${JSON.stringify(value.slice(0, 60))}`, mustRefuse);
        });
        await fc.assert(property, PROPERTY_SETTINGS);
      }, TEST_TIMEOUT_MS);
    });
  }
});

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteCall = { label: string; url: string; params?: Record<string, string>; init?: RequestInit; expectStatus: (status: number) => boolean };

const clientError = (status: number) => status >= 400 && status < 500;
const notFound = (status: number) => status === 404;
const servedOrClientError = (status: number) => status < 500;

/** Query strings the report filters must shrug off (they fall back to defaults with a note). */
const BAD_QUERIES = [
  "page=abc&limit=-5",
  "page=1e309&limit=999999999",
  "page=-1&limit=0",
  "from=2026-13-45&to=2026-02-30",
  "from=2026-06-01&to=2026-01-01",
  "completed=maybe&source=..%2F..%2Fetc%2Fpasswd",
  "source=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "text=%00&status=%00",
  "text=%ED%A0%80&status=%ED%A0%80",
  `text=${"x".repeat(5000)}`,
  "text=%27%3B%20DROP%20TABLE%20sends%3B%20--",
  "page=1&page=2&limit=10&limit=abc",
  "status=..%2F..&status=sent",
];

const bulkHeader = (options: Record<string, unknown>) => ({ "x-bulk-review": encodeURIComponent(JSON.stringify(options)) });
const validBulkOptions = () => ({ workspaceId: world.workspace.id, source: "text", column: null, message: "Bulk corpus", serviceId: FIXTURE.services.standard });

function routeCalls(): Record<string, RouteCall[]> {
  const unknownSending = randomUUID();
  return {
    "app/api/health/route.ts#GET": BAD_QUERIES.map((query) => ({ label: query, url: `/api/health?${query}`, expectStatus: (status) => status === 200 })),
    // The outage page answers 503 on purpose, whatever the query.
    "app/unavailable/route.ts#GET": BAD_QUERIES.map((query) => ({ label: query, url: `/unavailable?${query}`, expectStatus: (status) => status === 503 })),
    "app/(portal)/reports/export.csv/route.ts#GET": BAD_QUERIES.map((query) => ({ label: query, url: `/reports/export.csv?${query}`, expectStatus: (status) => status === 200 })),
    "app/(portal)/reports/spending/export.csv/route.ts#GET": [...BAD_QUERIES, "month=2026-13&context=..%2F..", "month=%00&context=%ED%A0%80"].map((query) => ({
      label: query,
      url: `/reports/spending/export.csv?${query}`,
      expectStatus: servedOrClientError,
    })),
    "app/(portal)/reports/[sendingId]/messages.csv/route.ts#GET": [
      ...ID_CORPUS.map(({ label, value }) => ({ label: `id ${label}`, url: "/reports/x/messages.csv", params: { sendingId: value }, expectStatus: notFound })),
      ...BAD_QUERIES.map((query) => ({ label: query, url: `/reports/${unknownSending}/messages.csv?${query}`, params: { sendingId: unknownSending }, expectStatus: servedOrClientError })),
    ],
    "app/(portal)/send/campaigns/[id]/invalid-lines/route.ts#GET": [
      ...ID_CORPUS.map(({ label, value }) => ({ label: `id ${label}`, url: "/send/campaigns/x/invalid-lines", params: { id: value }, expectStatus: notFound })),
      { label: "an unknown campaign", url: "/send/campaigns/x/invalid-lines", params: { id: randomUUID() }, expectStatus: notFound },
    ],
    "app/api/bulk/review/route.ts#POST": [
      { label: "no options header", url: "/api/bulk/review", init: { method: "POST", body: "905551234567" }, expectStatus: clientError },
      { label: "options not JSON", url: "/api/bulk/review", init: { method: "POST", headers: { "x-bulk-review": "%E0%A4%A" }, body: "905551234567" }, expectStatus: clientError },
      ...[
        { workspaceId: 42 },
        { source: "../../etc/passwd" },
        { source: "xlsx\u0000" },
        { column: -1 },
        { column: "1; DROP TABLE campaigns" },
        { column: 1e9 },
        { message: "x".repeat(5000) },
        { message: "" },
        { message: "NUL \u0000 inside" },
        { message: "half an emoji \uD83D" },
        { serviceId: "../../services" },
        { serviceId: null },
        { workspaceId: "-".repeat(36) },
        { workspaceId: "../../etc/passwd" },
      ].map((override) => ({
        label: `options ${JSON.stringify(override).slice(0, 60)}`,
        url: "/api/bulk/review",
        init: { method: "POST", headers: bulkHeader({ ...validBulkOptions(), ...override }), body: "905551234567" },
        expectStatus: clientError,
      })),
      { label: "an empty body", url: "/api/bulk/review", init: { method: "POST", headers: bulkHeader(validBulkOptions()), body: "" }, expectStatus: clientError },
      { label: "only invalid lines", url: "/api/bulk/review", init: { method: "POST", headers: bulkHeader(validBulkOptions()), body: FIELD_CORPUS.filter((entry) => entry.value.length < 1000).map((entry) => entry.value).join("\n") }, expectStatus: clientError },
      { label: "a body over BULK_UPLOAD_MAX_BYTES", url: "/api/bulk/review", init: { method: "POST", headers: bulkHeader(validBulkOptions()), body: "905551234567\n".repeat(10_000) }, expectStatus: (status) => status === 413 },
      { label: "random bytes as a workbook", url: "/api/bulk/review", init: { method: "POST", headers: bulkHeader({ ...validBulkOptions(), source: "xlsx" }), body: randomBytes(4096) }, expectStatus: clientError },
      { label: "a zip bomb-ish repeated PK header as a workbook", url: "/api/bulk/review", init: { method: "POST", headers: bulkHeader({ ...validBulkOptions(), source: "xlsx" }), body: Buffer.from("PK\u0003\u0004".repeat(1000)) }, expectStatus: clientError },
      { label: "invalid UTF-8 as CSV", url: "/api/bulk/review", init: { method: "POST", headers: bulkHeader({ ...validBulkOptions(), source: "csv" }), body: Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80, 0x0a, 0x00, 0x22]) }, expectStatus: clientError },
    ],
  };
}

const ROUTE_IDS = [
  "app/api/health/route.ts#GET",
  "app/(portal)/reports/spending/export.csv/route.ts#GET",
  "app/unavailable/route.ts#GET",
  "app/(portal)/reports/export.csv/route.ts#GET",
  "app/(portal)/reports/[sendingId]/messages.csv/route.ts#GET",
  "app/(portal)/send/campaigns/[id]/invalid-lines/route.ts#GET",
  "app/api/bulk/review/route.ts#POST",
];

/** Route handlers only Next can call (next-auth reads its own request scope): covered over HTTP in tests/e2e/bad-input.spec.ts. */
const OVER_HTTP_ONLY = ["app/api/auth/[...nextauth]/route.ts#GET", "app/api/auth/[...nextauth]/route.ts#POST"];

async function expectRouteHandled(id: string, call: RouteCall) {
  await resetWorld();
  const before = await databaseFingerprint();
  const sendsBefore = upstreamSends();
  const handler = await loadEntryPoint<RouteHandler>(id);
  let status: number;
  try {
    const response = await handler(new Request(`http://portal.test${call.url}`, call.init), { params: Promise.resolve(call.params ?? {}) });
    status = response.status;
    // A streamed CSV fails while it streams: read it to the end.
    await response.text();
  } catch (error) {
    try {
      const outcome = classifyThrown(error);
      status = outcome === "not_found" ? 404 : outcome === "refused" ? 403 : 200;
    } catch {
      throw new Error(`${id} ${call.label}: threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error)}`);
    }
  }
  expect(call.expectStatus(status), `${id} ${call.label}: answered ${status}`).toBe(true);
  if (status >= 400) {
    const changed = changedTables(before, await databaseFingerprint());
    expect(changed, `${id} ${call.label}: answered ${status} but wrote to`).toEqual([]);
    expect(upstreamSends() - sendsBefore, `${id} ${call.label}: answered ${status} but sent`).toBe(0);
  }
}

describe("bad input: route handlers", () => {
  it("has cases for every route handler in app/, and none for anything gone", async () => {
    const { routes } = await discoverEntryPoints();
    expect(Object.keys(routeCalls()).sort()).toEqual([...ROUTE_IDS].sort());
    expect(routes.sort()).toEqual([...ROUTE_IDS, ...OVER_HTTP_ONLY].sort());
  }, TEST_TIMEOUT_MS);

  for (const id of ROUTE_IDS) {
    it(`${id} answers the corpus with a 4xx (or its own status), never a 5xx`, async () => {
      for (const call of routeCalls()[id]!) await expectRouteHandled(id, call);
    }, TEST_TIMEOUT_MS);
  }

  it("a bulk review keeps a rejected line with a NUL or half an emoji, shown with a replacement character", async () => {
    await resetWorld();
    const handler = await loadEntryPoint<RouteHandler>("app/api/bulk/review/route.ts#POST");
    const body = ["905551234567", "bad\u0000line", "half \uD83D emoji", "<script>alert(1)</script>"].join("\n");
    const response = await handler(new Request("http://portal.test/api/bulk/review", { method: "POST", headers: bulkHeader(validBulkOptions()), body }), { params: Promise.resolve({}) });
    const answer = (await response.json()) as { ok: boolean; review?: { campaignId: string; invalidCount: number } };
    expect(response.status, JSON.stringify(answer)).toBe(200);
    expect(answer.review!.invalidCount).toBe(3);
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: answer.review!.campaignId }, select: { invalidLines: true, state: true } });
    expect(campaign.state).toBe("draft");
    const values = (campaign.invalidLines as Array<{ value: string }>).map((line) => line.value);
    expect(values).toEqual(["bad\uFFFDline", "half \uFFFD emoji", "<script>alert(1)</script>"]);
  });
});
