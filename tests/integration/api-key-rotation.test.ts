import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readApiKey } from "@/lib/api-key/read-api-key";
import { removeApiKey } from "@/lib/api-key/remove-api-key";
import { rotateStoredApiKeys } from "@/lib/api-key/rotate-stored-api-keys";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { sealSecret } from "@/lib/crypto/envelope";
import { db } from "@/lib/db/client";
import { runScript } from "../support/run-script";

const originalKeys = process.env.KEY_ENCRYPTION_KEYS;
const kek = (version: string) => `${version}:${randomBytes(32).toString("base64")}`;
const [v1, v2, v3, v4, v5] = ["v1", "v2", "v3", "v4", "v5"].map(kek) as [string, string, string, string, string];
const useKeys = (...entries: string[]) => {
  process.env.KEY_ENCRYPTION_KEYS = entries.join(",");
};
const newApiKey = () => `ysk_test_${randomBytes(24).toString("base64url")}`;
const verifiedUser = { id: randomUUID(), username: "acme-ops", email: "ops@acme.example" };

/** Saved through saveApiKey, with audit events. */
const saved = new Map<string, string>();
/** Inserted in bulk so rotation crosses its 100-row batch boundary. */
const BULK_ROWS = 102;
let actorId: string;
let bulkSample: { workspaceId: string; apiKey: string };

async function storedVersions(): Promise<Record<string, number>> {
  const groups = await db.apiCredential.groupBy({ by: ["kekVersion"], _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.kekVersion, group._count._all]));
}

beforeAll(async () => {
  useKeys(v1);
  const actor = await db.user.create({ data: { email: `owner-${randomUUID()}@example.com`, name: "Owner", passwordHash: "x" } });
  actorId = actor.id;
  for (let index = 0; index < 3; index++) {
    const workspace = await db.workspace.create({ data: { name: `Acme ${index}` } });
    const apiKey = newApiKey();
    await saveApiKey({ workspaceId: workspace.id, apiKey, verifiedUser, actorId });
    saved.set(workspace.id, apiKey);
  }

  const workspaceIds = Array.from({ length: BULK_ROWS }, () => randomUUID());
  await db.workspace.createMany({ data: workspaceIds.map((id) => ({ id, name: "Bulk" })) });
  const keys = workspaceIds.map(() => newApiKey());
  await db.apiCredential.createMany({
    data: workspaceIds.map((workspaceId, index) => ({
      workspaceId,
      ...sealSecret(keys[index]!, workspaceId),
      last4: "bulk",
      yazsanaUserId: verifiedUser.id,
      yazsanaUsername: verifiedUser.username,
      yazsanaEmail: verifiedUser.email,
      verifiedAt: new Date(),
    })),
  });
  bulkSample = { workspaceId: workspaceIds[BULK_ROWS - 1]!, apiKey: keys[BULK_ROWS - 1]! };
});

afterAll(() => {
  process.env.KEY_ENCRYPTION_KEYS = originalKeys;
});

const ALL = 3 + BULK_ROWS;

describe("rotating the master key", () => {
  it("re-wraps every stored key under the newest version, leaving ciphertexts alone", async () => {
    const before = await db.apiCredential.findMany({ select: { workspaceId: true, ciphertext: true }, orderBy: { workspaceId: "asc" } });
    useKeys(v1, v2);

    await expect(rotateStoredApiKeys()).resolves.toEqual({ newestVersion: "v2", total: ALL, rewrapped: ALL, alreadyCurrent: 0, failed: [] });

    expect(await storedVersions()).toEqual({ v2: ALL });
    const after = await db.apiCredential.findMany({ select: { workspaceId: true, ciphertext: true }, orderBy: { workspaceId: "asc" } });
    expect(after).toEqual(before);
    for (const [workspaceId, apiKey] of saved) await expect(readApiKey(workspaceId)).resolves.toBe(apiKey);
    await expect(readApiKey(bulkSample.workspaceId)).resolves.toBe(bulkSample.apiKey);

    const events = await db.auditEvent.findMany({ where: { action: "api_key.rewrapped" } });
    expect(events).toHaveLength(ALL);
    expect(events[0]).toMatchObject({ actorId: null, target: "api_key", metadata: { from: "v1", to: "v2" } });
  });

  it("is idempotent: a second run re-wraps nothing", async () => {
    await expect(rotateStoredApiKeys()).resolves.toEqual({ newestVersion: "v2", total: ALL, rewrapped: 0, alreadyCurrent: ALL, failed: [] });
    expect(await db.auditEvent.count({ where: { action: "api_key.rewrapped" } })).toBe(ALL);
  });

  it("keeps every key readable once the old version is removed", async () => {
    useKeys(v2);
    for (const [workspaceId, apiKey] of saved) await expect(readApiKey(workspaceId)).resolves.toBe(apiKey);
    await expect(readApiKey(bulkSample.workspaceId)).resolves.toBe(bulkSample.apiKey);
  });

  it("reports a key whose master key is missing and re-wraps the rest", async () => {
    useKeys(v2, v3);
    const orphan = await db.workspace.create({ data: { name: "Orphan" } });
    await saveApiKey({ workspaceId: orphan.id, apiKey: newApiKey(), verifiedUser, actorId });
    useKeys(v2, v4); // v3 lost

    const report = await rotateStoredApiKeys();
    expect(report).toMatchObject({ newestVersion: "v4", total: ALL + 1, rewrapped: ALL, alreadyCurrent: 0 });
    expect(report.failed).toEqual([{ workspaceId: orphan.id, code: "kek_version_unknown", message: expect.stringContaining("master key v3") }]);
    expect(await storedVersions()).toEqual({ v3: 1, v4: ALL });
  });

  it("runs as `npm run keys:rotate`, printing counts and exiting 1 while a key fails", async () => {
    const keys = [v2, v4, v5].join(",");
    const failing = await runRotateCommand(keys);
    expect(failing.stdout).toContain(`${ALL + 1} stored keys: ${ALL} re-wrapped under v5, 0 already current, 1 failed`);
    expect(failing.stderr).toMatch(/kek_version_unknown/);
    expect(failing.code).toBe(1);

    const orphan = await db.apiCredential.findFirstOrThrow({ where: { kekVersion: "v3" }, select: { workspaceId: true } });
    await removeApiKey({ workspaceId: orphan.workspaceId, actorId });
    const clean = await runRotateCommand(keys);
    expect(clean.stdout).toContain(`${ALL} stored keys: 0 re-wrapped under v5, ${ALL} already current, 0 failed`);
    expect(clean.code).toBe(0);
    for (const output of [failing, clean]) {
      for (const entry of [v2, v4, v5]) expect(output.stdout + output.stderr).not.toContain(entry.slice(3));
    }
    // Two tsx processes: seconds each on a loaded machine (22 s seen in CI); a bound for hangs, not a speed check.
  }, 120_000);
});

function runRotateCommand(keys: string) {
  return runScript("scripts/keys-rotate.ts", { DATABASE_URL: process.env.DATABASE_URL, KEY_ENCRYPTION_KEYS: keys });
}
