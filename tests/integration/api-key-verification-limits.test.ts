import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/auth/create-account";
import { describeAuditEvent } from "@/lib/audit/list-audit-events";
import { db } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/translator";
import { rateLimitRules } from "@/lib/rate-limit/rate-limit-rules";
import { connectYazsanaKey } from "@/lib/workspaces/connect-yazsana-key";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { closeYazsanaDispatcher, setYazsanaCallObserver } from "@/lib/yazsana";
import { startSimulator, type RunningSimulator } from "@/sim/server";

/** Finding 2 of the security review: pasted keys can't be tested against Yazsana without limit. */

const DEMO_KEY = `ysk_verifylimit_${randomBytes(12).toString("hex")}`;
const wrongKey = () => `ysk_wrong_${randomBytes(12).toString("hex")}`;
const LIMIT = rateLimitRules().apiKeyVerificationByUser.points;
let sim: RunningSimulator;
let upstreamCalls = 0;
let counter = 0;

async function newOwner() {
  const result = await createAccount({
    name: "Owner",
    email: `key-owner${++counter}-${Date.now()}@example.com`,
    password: "correct horse battery",
    workspaceName: "Acme",
  });
  if (!result.ok) throw new Error("account not created");
  return result;
}

beforeAll(async () => {
  process.env.KEY_ENCRYPTION_KEYS = `v1:${randomBytes(32).toString("base64")}`;
  sim = await startSimulator({ port: 0, tickMs: 0, seed: 1, demoKey: DEMO_KEY });
  process.env.YAZSANA_API_URL = sim.url;
  setYazsanaCallObserver(() => upstreamCalls++);
});

afterAll(async () => {
  setYazsanaCallObserver(null);
  await sim?.close();
  await closeYazsanaDispatcher();
});

describe("checking pasted API keys", () => {
  it("allows a few checks an hour per member, audits each refusal without the key, then stops calling Yazsana", async () => {
    const { userId, workspaceId } = await newOwner();
    const tried: string[] = [];
    for (let attempt = 0; attempt < LIMIT; attempt++) {
      const key = wrongKey();
      tried.push(key);
      expect(await connectYazsanaKey({ workspaceId, actorId: userId, apiKey: key })).toMatchObject({ ok: false, field: "apiKey" });
    }

    const callsBefore = upstreamCalls;
    const blocked = await connectYazsanaKey({ workspaceId, actorId: userId, apiKey: DEMO_KEY });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toMatch(/^Too many keys were checked in the last hour, so this one was not sent to Yazsana or saved\. Try again in \d+ minutes?\.$/);
    expect(upstreamCalls).toBe(callsBefore);
    expect(await db.apiCredential.count({ where: { workspaceId } })).toBe(0);

    const events = await db.auditEvent.findMany({ where: { workspaceId, action: "api_key.verification_failed" } });
    expect(events).toHaveLength(LIMIT);
    expect(events.every((event) => event.actorId === userId)).toBe(true);
    expect(describeAuditEvent(events[0]!, translatorFor("en", "audit"))).toBe("An API key check failed (refused by Yazsana)");
    const raw = await db.$queryRaw<Array<{ row: string }>>`
      SELECT row_to_json(audit_events.*)::text AS row FROM audit_events WHERE workspace_id = ${workspaceId}::uuid`;
    for (const key of [...tried, DEMO_KEY]) {
      for (const row of raw) {
        expect(row.row).not.toContain(key);
        // Not even a "…last four" hint. The row's own ids and time are left out of
        // this check: four random characters turn up in a UUID by chance.
        const generated = new Set(["id", "workspace_id", "actor_id", "created_at"]);
        const keyed = Object.entries(JSON.parse(row.row) as Record<string, unknown>).filter(([column]) => !generated.has(column));
        expect(JSON.stringify(keyed)).not.toContain(key.slice(-4));
      }
    }
  });

  it("counts per workspace too: another member of the same workspace is stopped", async () => {
    const owner = await newOwner();
    const colleague = await newOwner();
    await db.membership.create({ data: { userId: colleague.userId, workspaceId: owner.workspaceId, role: "admin" } });
    for (let attempt = 0; attempt < LIMIT; attempt++) {
      await connectYazsanaKey({ workspaceId: owner.workspaceId, actorId: owner.userId, apiKey: wrongKey() });
    }
    const result = await connectYazsanaKey({ workspaceId: owner.workspaceId, actorId: colleague.userId, apiKey: DEMO_KEY });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("Too many keys were checked") });
  });

  it("counts per member too: a new workspace of the same member doesn't reset it", async () => {
    const { userId, workspaceId } = await newOwner();
    for (let attempt = 0; attempt < LIMIT; attempt++) await connectYazsanaKey({ workspaceId, actorId: userId, apiKey: wrongKey() });
    const second = await createWorkspace(userId, "Second");
    const result = await connectYazsanaKey({ workspaceId: second.id, actorId: userId, apiKey: DEMO_KEY });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("Too many keys were checked") });
  });

  it("a member within the limit still connects a valid key", async () => {
    const { userId, workspaceId } = await newOwner();
    expect(await connectYazsanaKey({ workspaceId, actorId: userId, apiKey: DEMO_KEY })).toMatchObject({ ok: true, replaced: false });
  });
});
