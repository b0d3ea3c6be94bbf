import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { createAccount } from "@/lib/auth/create-account";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { closeYazsanaDispatcher } from "@/lib/yazsana";
import { startTestSimulator, type TestSimulator } from "@/sim/testing";

/**
 * The header's organization list (the context switcher) renders on every
 * portal page: whatever goes wrong while loading it must cost the list, not
 * the page.
 */

const saved = { keys: process.env.KEY_ENCRYPTION_KEYS, url: process.env.YAZSANA_API_URL };
let sim: TestSimulator;
let context: WorkspaceContext;

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
    verifiedUser: { id: randomUUID(), username: "demo", email: "demo@example.com" },
    actorId: account.userId,
  });
  context = {
    user: { id: account.userId, email, name: "Ayşe Owner", currentWorkspaceId: account.workspaceId },
    workspace: { id: account.workspaceId, name: "Acme" },
    role: "owner",
  };
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
