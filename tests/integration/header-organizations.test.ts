import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { createAccount } from "@/lib/auth/create-account";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import { saveOrgContextChoice } from "@/lib/workspaces/org-context";
import { forgetOrganizations } from "@/lib/workspaces/organizations-cache";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { closeYazsanaDispatcher, setYazsanaCallObserver, type YazsanaCallRecord } from "@/lib/yazsana";
import { FIXTURE, startTestSimulator, type TestSimulator } from "@/sim/testing";

/**
 * The header's organization list (the context switcher) renders on every
 * portal page: whatever goes wrong while loading it must cost the list, not
 * the page.
 */

const saved = { keys: process.env.KEY_ENCRYPTION_KEYS, url: process.env.YAZSANA_API_URL };
let sim: TestSimulator;
let context: WorkspaceContext;
let calls: YazsanaCallRecord[] = [];
const upstreamCalls = () => calls.filter((call) => call.operation === "listOrganizations");
const verifiedUser = { id: randomUUID(), username: "demo", email: "demo@example.com" };

beforeAll(async () => {
  process.env.KEY_ENCRYPTION_KEYS = `v1:${randomBytes(32).toString("base64")}`;
  sim = await startTestSimulator();
  process.env.YAZSANA_API_URL = sim.url;
  const email = `owner-${randomUUID()}@example.com`;
  const account = await createAccount({ name: "Ayşe Owner", email, password: "a long test passphrase", workspaceName: "Acme" });
  if (!account.ok) throw new Error("account not created");
  await saveApiKey({
    workspaceId: account.workspaceId,
    apiKey: sim.demoKey,
    verifiedUser,
    actorId: account.userId,
  });
  context = {
    user: { id: account.userId, email, name: "Ayşe Owner", currentWorkspaceId: account.workspaceId, locale: null, timeZone: null },
    workspace: { id: account.workspaceId, name: "Acme" },
    role: "owner",
  };
});

beforeEach(() => {
  calls = [];
  forgetOrganizations(context.workspace.id);
  setYazsanaCallObserver((record) => calls.push(record));
});
afterEach(async () => {
  setYazsanaCallObserver(null);
  delete process.env.YAZSANA_HEADER_DEADLINE_MS;
  await sim.admin("DELETE", "/__sim/faults");
});

afterAll(async () => {
  process.env.KEY_ENCRYPTION_KEYS = saved.keys;
  process.env.YAZSANA_API_URL = saved.url;
  await closeYazsanaDispatcher();
  await sim?.close();
});

describe("the header's organization list", () => {
  it("loads the key's organizations", async () => {
    const view = await loadOrganizations(context);
    expect(view.status).toBe("ok");
  });

  it("answers a short error instead of throwing when YAZSANA_API_URL is misconfigured", async () => {
    process.env.YAZSANA_API_URL = "yazsana.example/api";
    try {
      const view = await loadOrganizations(context);
      expect(view).toEqual({ status: "error", message: expect.stringMatching(/could not be loaded/) });
    } finally {
      process.env.YAZSANA_API_URL = sim.url;
    }
  });
});

describe("the header's organization cache", () => {
  it("asks Yazsana once for repeated header renders, but fresh for pages", async () => {
    await loadOrganizations(context, "header");
    await loadOrganizations(context, "header");
    await loadOrganizations(context, "header");
    expect(upstreamCalls()).toHaveLength(1);
    await loadOrganizations(context, "page");
    expect(upstreamCalls()).toHaveLength(2);
  });

  it("starts afresh when the member switches context", async () => {
    await loadOrganizations(context, "header");
    await saveOrgContextChoice(context.user.id, context.workspace.id, FIXTURE.organizations.kargo);
    const view = await loadOrganizations(context, "header");
    expect(view).toMatchObject({ status: "ok", currentOrganizationId: FIXTURE.organizations.kargo });
    expect(upstreamCalls()).toHaveLength(2);
    await saveOrgContextChoice(context.user.id, context.workspace.id, null);
  });

  it("starts afresh when the key is replaced", async () => {
    await loadOrganizations(context, "header");
    await saveApiKey({ workspaceId: context.workspace.id, apiKey: sim.demoKey, verifiedUser, actorId: context.user.id });
    await loadOrganizations(context, "header");
    expect(upstreamCalls()).toHaveLength(2);
  });

  it("gives up on a hanging Yazsana after YAZSANA_HEADER_DEADLINE_MS and abandons the call", async () => {
    process.env.YAZSANA_HEADER_DEADLINE_MS = "300";
    await sim.admin("POST", "/__sim/faults", { operation: "listOrganizations", kind: "timeout" });
    const view = await loadOrganizations(context, "header");
    expect(view).toEqual({ status: "error", message: expect.stringMatching(/slow to answer/) });
    // One attempt, abandoned: no retries kept running after the header moved on.
    expect(upstreamCalls()).toEqual([expect.objectContaining({ attempt: 1, abandoned: true })]);
    // A failure is not cached: once Yazsana answers again, so does the header.
    await sim.admin("DELETE", "/__sim/faults");
    await expect(loadOrganizations(context, "header")).resolves.toMatchObject({ status: "ok" });
  });
});
