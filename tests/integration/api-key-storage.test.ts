import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getApiKeySummary } from "@/lib/api-key/get-api-key-summary";
import { readApiKey } from "@/lib/api-key/read-api-key";
import { removeApiKey } from "@/lib/api-key/remove-api-key";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { KeyCustodyError } from "@/lib/crypto/key-custody-error";
import { db } from "@/lib/db/client";

// React's taint API exists only in the server build Next uses; stand it in
// here to prove the decrypted key is marked before it is returned.
const { taintUniqueValue } = vi.hoisted(() => ({ taintUniqueValue: vi.fn() }));
vi.mock("react", async (importOriginal) => ({
  ...(await importOriginal<typeof import("react")>()),
  experimental_taintUniqueValue: taintUniqueValue,
}));

const originalKeys = process.env.KEY_ENCRYPTION_KEYS;
const verifiedUser = { id: randomUUID(), username: "acme-ops", email: "ops@acme.example" };
const newApiKey = () => `ysk_test_${randomBytes(24).toString("base64url")}`;
const keyForms = (key: string) => {
  const bytes = Buffer.from(key, "utf8");
  return [key, bytes.toString("base64"), bytes.toString("base64url"), bytes.toString("hex")];
};

let actorId: string;

beforeAll(async () => {
  process.env.KEY_ENCRYPTION_KEYS = `v1:${randomBytes(32).toString("base64")}`;
  const actor = await db.user.create({ data: { email: `owner-${randomUUID()}@example.com`, name: "Ayşe Owner", passwordHash: "x" } });
  actorId = actor.id;
});
afterAll(() => {
  process.env.KEY_ENCRYPTION_KEYS = originalKeys;
});
beforeEach(() => taintUniqueValue.mockClear());

async function newWorkspace() {
  const workspace = await db.workspace.create({ data: { name: "Acme" } });
  return workspace.id;
}

async function rawCredentialRow(workspaceId: string): Promise<string> {
  const rows = await db.$queryRaw<Array<{ row: string }>>`
    SELECT row_to_json(api_credentials.*)::text AS row FROM api_credentials WHERE workspace_id = ${workspaceId}::uuid`;
  return rows[0]?.row ?? "";
}

async function rawAuditRows(workspaceId: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ row: string }>>`
    SELECT row_to_json(audit_events.*)::text AS row FROM audit_events WHERE workspace_id = ${workspaceId}::uuid ORDER BY created_at`;
  return rows.map((row) => row.row);
}

describe("storing a workspace's API key", () => {
  it("stores only ciphertext: the key appears in no column, in no encoding", async () => {
    const workspaceId = await newWorkspace();
    const apiKey = newApiKey();
    await expect(saveApiKey({ workspaceId, apiKey, verifiedUser, actorId })).resolves.toEqual({
      action: "api_key.set",
      last4: apiKey.slice(-4),
    });

    const row = await rawCredentialRow(workspaceId);
    expect(row).toContain(`"last4":"${apiKey.slice(-4)}"`);
    expect(row).toContain(`"kek_version":"v1"`);
    for (const form of keyForms(apiKey)) expect(row).not.toContain(form);
  });

  it("decrypts the key for server code and taints it against Client Components", async () => {
    const workspaceId = await newWorkspace();
    const apiKey = newApiKey();
    await saveApiKey({ workspaceId, apiKey, verifiedUser, actorId });

    await expect(readApiKey(workspaceId)).resolves.toBe(apiKey);
    expect(taintUniqueValue).toHaveBeenCalledWith("Do not pass the Yazsana API key to the client.", globalThis, apiKey);
    await expect(readApiKey(await newWorkspace())).resolves.toBeNull();
  });

  it("shows members only last4, the Yazsana user and who saved it", async () => {
    const workspaceId = await newWorkspace();
    const apiKey = newApiKey();
    await saveApiKey({ workspaceId, apiKey, verifiedUser, actorId });

    const summary = await getApiKeySummary(workspaceId);
    expect(summary).toEqual({
      last4: apiKey.slice(-4),
      yazsanaUsername: "acme-ops",
      yazsanaEmail: "ops@acme.example",
      verifiedAt: expect.any(Date),
      setBy: { name: "Ayşe Owner", email: expect.stringMatching(/^owner-/) },
    });
    expect(JSON.stringify(summary)).not.toMatch(/ciphertext|wrapped|authTag|kekVersion/i);
    await expect(getApiKeySummary(await newWorkspace())).resolves.toBeNull();
  });

  it("audits a replacement as such and serves the new key", async () => {
    const workspaceId = await newWorkspace();
    const first = newApiKey();
    const second = newApiKey();
    await saveApiKey({ workspaceId, apiKey: first, verifiedUser, actorId });
    await expect(saveApiKey({ workspaceId, apiKey: second, verifiedUser, actorId })).resolves.toMatchObject({ action: "api_key.replaced" });

    await expect(readApiKey(workspaceId)).resolves.toBe(second);
    expect(await db.apiCredential.count({ where: { workspaceId } })).toBe(1);
    const events = await db.auditEvent.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
    expect(events.map(({ action, actorId: actor, target, metadata }) => ({ action, actor, target, metadata }))).toEqual([
      { action: "api_key.set", actor: actorId, target: "api_key", metadata: { last4: first.slice(-4) } },
      { action: "api_key.replaced", actor: actorId, target: "api_key", metadata: { last4: second.slice(-4) } },
    ]);
  });

  it("removes the key and audits it; removing nothing is reported", async () => {
    const workspaceId = await newWorkspace();
    const apiKey = newApiKey();
    await saveApiKey({ workspaceId, apiKey, verifiedUser, actorId });

    await expect(removeApiKey({ workspaceId, actorId })).resolves.toBe(true);
    await expect(readApiKey(workspaceId)).resolves.toBeNull();
    await expect(getApiKeySummary(workspaceId)).resolves.toBeNull();
    await expect(removeApiKey({ workspaceId, actorId })).resolves.toBe(false);
    const actions = (await db.auditEvent.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["api_key.set", "api_key.removed"]);
  });

  it("never writes the key into an audit event", async () => {
    const workspaceId = await newWorkspace();
    const keys = [newApiKey(), newApiKey()];
    for (const apiKey of keys) await saveApiKey({ workspaceId, apiKey, verifiedUser, actorId });
    await removeApiKey({ workspaceId, actorId });

    const audit = (await rawAuditRows(workspaceId)).join("\n");
    expect(audit).toContain("api_key.removed");
    for (const form of keys.flatMap(keyForms)) expect(audit).not.toContain(form);
  });

  it("refuses a key copied into another workspace's row", async () => {
    const source = await newWorkspace();
    const target = await newWorkspace();
    await saveApiKey({ workspaceId: source, apiKey: newApiKey(), verifiedUser, actorId });
    await saveApiKey({ workspaceId: target, apiKey: newApiKey(), verifiedUser, actorId });
    await db.$executeRaw`
      UPDATE api_credentials AS t SET ciphertext = s.ciphertext, iv = s.iv, auth_tag = s.auth_tag,
        wrapped_data_key = s.wrapped_data_key, wrap_iv = s.wrap_iv, wrap_auth_tag = s.wrap_auth_tag
      FROM api_credentials AS s WHERE s.workspace_id = ${source}::uuid AND t.workspace_id = ${target}::uuid`;

    await expect(readApiKey(target)).rejects.toMatchObject({ name: "KeyCustodyError", code: "workspace_mismatch" });
  });

  it("saves inside the caller's transaction, and rolls back with it", async () => {
    const workspaceId = await newWorkspace();
    await expect(
      db.$transaction(async (tx) => {
        await saveApiKey({ workspaceId, apiKey: newApiKey(), verifiedUser, actorId }, tx);
        throw new Error("caller failed later");
      }),
    ).rejects.toThrow("caller failed later");
    expect(await db.apiCredential.count({ where: { workspaceId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId } })).toBe(0);
  });

  it("fails loudly, storing nothing, when no master key is configured", async () => {
    const workspaceId = await newWorkspace();
    const configured = process.env.KEY_ENCRYPTION_KEYS;
    delete process.env.KEY_ENCRYPTION_KEYS;
    try {
      const saving = saveApiKey({ workspaceId, apiKey: newApiKey(), verifiedUser, actorId });
      await expect(saving).rejects.toBeInstanceOf(KeyCustodyError);
      await expect(saving).rejects.toMatchObject({ code: "kek_not_configured" });
    } finally {
      process.env.KEY_ENCRYPTION_KEYS = configured;
    }
    expect(await db.apiCredential.count({ where: { workspaceId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId } })).toBe(0);
  });
});
