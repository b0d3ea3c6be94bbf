import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readApiKey } from "@/lib/api-key/read-api-key";
import { removeApiKey } from "@/lib/api-key/remove-api-key";
import { checkRotation, rotateStoredApiKeys } from "@/lib/api-key/rotate-stored-api-keys";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { AES_KEY_BYTES, GCM_IV_BYTES, gcmEncrypt } from "@/lib/crypto/aes-gcm";
import { payloadAad, wrapDataKey } from "@/lib/crypto/data-key-wrap";
import { sealSecret } from "@/lib/crypto/envelope";
import { isKeyCustodyError } from "@/lib/crypto/key-custody-error";
import { loadKeyRing } from "@/lib/crypto/key-encryption-keys";
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
  const credentialIds = workspaceIds.map(() => randomUUID());
  await db.workspace.createMany({ data: workspaceIds.map((id) => ({ id, name: "Bulk" })) });
  const keys = workspaceIds.map(() => newApiKey());
  await db.apiCredential.createMany({
    data: workspaceIds.map((workspaceId, index) => ({
      id: credentialIds[index]!,
      workspaceId,
      ...sealSecret(keys[index]!, workspaceId, credentialIds[index]!),
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
const CLEAN = { olderMasterKeys: {}, olderBinding: 0 };

describe("rotating the master key", () => {
  it("re-wraps every stored key under the newest version, leaving ciphertexts alone", async () => {
    const before = await db.apiCredential.findMany({ select: { workspaceId: true, ciphertext: true }, orderBy: { workspaceId: "asc" } });
    useKeys(v1, v2);

    await expect(rotateStoredApiKeys()).resolves.toEqual({ newestVersion: "v2", total: ALL, rewrapped: ALL, alreadyCurrent: 0, failed: [], check: CLEAN });

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
    await expect(rotateStoredApiKeys()).resolves.toEqual({ newestVersion: "v2", total: ALL, rewrapped: 0, alreadyCurrent: ALL, failed: [], check: CLEAN });
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
    // The final check names what is left behind.
    expect(report.check).toEqual({ olderMasterKeys: { v3: 1 }, olderBinding: 0 });
    expect(await storedVersions()).toEqual({ v3: 1, v4: ALL });
  });

  it("runs as `npm run keys:rotate`, printing counts and exiting 1 while a key fails", async () => {
    const keys = [v2, v4, v5].join(",");
    const failing = await runRotateCommand(keys);
    expect(failing.stdout).toContain(`${ALL + 1} stored keys: ${ALL} re-wrapped under v5, 0 already current, 1 failed`);
    expect(failing.stderr).toMatch(/kek_version_unknown/);
    expect(failing.stderr).toContain("Check: 1 stored key is still under an older master key (v3: 1)");
    expect(failing.code).toBe(1);

    const orphan = await db.apiCredential.findFirstOrThrow({ where: { kekVersion: "v3" }, select: { workspaceId: true } });
    await removeApiKey({ workspaceId: orphan.workspaceId, actorId });
    const clean = await runRotateCommand(keys);
    expect(clean.stdout).toContain(`${ALL} stored keys: 0 re-wrapped under v5, ${ALL} already current, 0 failed`);
    expect(clean.stdout).toContain("Check: every stored key is sealed under v5 and bound to its credential");
    expect(clean.code).toBe(0);
    for (const output of [failing, clean]) {
      for (const entry of [v2, v4, v5]) expect(output.stdout + output.stderr).not.toContain(entry.slice(3));
    }
  }, 60_000);
});

/** Stores a key directly, the way a row looked before credential binding (AAD version 1) or under any given keys. */
async function insertCredential(apiKey: string, aadVersion: 1 | 2) {
  const workspace = await db.workspace.create({ data: { name: "Direct" } });
  const id = randomUUID();
  let sealed;
  if (aadVersion === 2) {
    sealed = sealSecret(apiKey, workspace.id, id);
  } else {
    const binding = { workspaceId: workspace.id, credentialId: "", aadVersion: 1 };
    const dataKey = randomBytes(AES_KEY_BYTES);
    const iv = randomBytes(GCM_IV_BYTES);
    const { ciphertext, authTag } = gcmEncrypt(dataKey, iv, Buffer.from(apiKey, "utf8"), payloadAad(binding));
    const wrap = wrapDataKey(dataKey, loadKeyRing().newest, binding);
    const bytes = (buffer: Buffer) => new Uint8Array(buffer);
    sealed = {
      ciphertext: bytes(ciphertext),
      iv: bytes(iv),
      authTag: bytes(authTag),
      wrappedDataKey: bytes(wrap.wrappedDataKey),
      wrapIv: bytes(wrap.wrapIv),
      wrapAuthTag: bytes(wrap.wrapAuthTag),
      kekVersion: wrap.kekVersion,
      aadVersion: 1,
    };
  }
  await db.apiCredential.create({
    data: {
      id,
      workspaceId: workspace.id,
      ...sealed,
      last4: apiKey.slice(-4),
      yazsanaUserId: verifiedUser.id,
      yazsanaUsername: verifiedUser.username,
      yazsanaEmail: verifiedUser.email,
      verifiedAt: new Date(),
    },
  });
  return workspace.id;
}

describe("after a rotation", () => {
  it("an instance still configured with only older master keys refuses to store a key, and says why", async () => {
    // The command above made v5 the required version; this instance never got it.
    useKeys(v2, v4);
    const workspace = await db.workspace.create({ data: { name: "Stale instance" } });
    const error = await saveApiKey({ workspaceId: workspace.id, apiKey: newApiKey(), verifiedUser, actorId }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(isKeyCustodyError(error, "kek_outdated")).toBe(true);
    expect((error as Error).message).toContain("KEY_ENCRYPTION_KEYS on this server ends at v4, but keys:rotate made v5");
    expect(await db.apiCredential.count({ where: { workspaceId: workspace.id } })).toBe(0);

    // With v5 added, the same save goes through, sealed with v5.
    useKeys(v4, v5);
    await saveApiKey({ workspaceId: workspace.id, apiKey: newApiKey(), verifiedUser, actorId });
    await expect(db.apiCredential.findUniqueOrThrow({ where: { workspaceId: workspace.id }, select: { kekVersion: true } })).resolves.toEqual({
      kekVersion: "v5",
    });
    // Rotation itself refuses to run with keys older than a previous rotation required.
    useKeys(v2, v4);
    await expect(rotateStoredApiKeys()).rejects.toThrow(/ends at v4, but keys:rotate made v5/);
  });

  it("re-seals a key sealed before the credential id was bound; it stays readable throughout", async () => {
    useKeys(v5);
    const apiKey = newApiKey();
    const workspaceId = await insertCredential(apiKey, 1);
    const before = await db.apiCredential.findUniqueOrThrow({ where: { workspaceId }, select: { ciphertext: true, aadVersion: true } });
    expect(before.aadVersion).toBe(1);
    await expect(readApiKey(workspaceId)).resolves.toBe(apiKey);

    const report = await rotateStoredApiKeys();
    expect(report).toMatchObject({ newestVersion: "v5", rewrapped: 1, failed: [], check: CLEAN });
    const after = await db.apiCredential.findUniqueOrThrow({ where: { workspaceId }, select: { ciphertext: true, aadVersion: true } });
    expect(after.aadVersion).toBe(2);
    expect(Buffer.from(after.ciphertext)).not.toEqual(Buffer.from(before.ciphertext));
    await expect(readApiKey(workspaceId)).resolves.toBe(apiKey);
  });

  it("the final check counts a key still under an older master key or binding", async () => {
    // As a stale instance would have written it while the rotation was running.
    useKeys(v4);
    const workspaceId = await insertCredential(newApiKey(), 1);
    await expect(checkRotation("v5")).resolves.toEqual({ olderMasterKeys: { v4: 1 }, olderBinding: 1 });
    await db.apiCredential.delete({ where: { workspaceId } });
    await expect(checkRotation("v5")).resolves.toEqual(CLEAN);
  });
});

function runRotateCommand(keys: string) {
  return runScript("scripts/keys-rotate.ts", { DATABASE_URL: process.env.DATABASE_URL, KEY_ENCRYPTION_KEYS: keys });
}
