import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { KeyCustodyError } from "@/lib/crypto/key-custody-error";
import { kekVersionNumber, loadKeyRing } from "@/lib/crypto/key-encryption-keys";

/**
 * After `npm run keys:rotate` to v2, an app instance that still has only v1
 * configured would keep sealing new keys with v1 — silently, until v1 is
 * removed everywhere and those keys stop opening. Rotation therefore records
 * the newest version in the database; every seal checks it, so a stale
 * instance refuses to store a key (and says why) instead.
 */

const STATE_ID = 1;
type Client = Prisma.TransactionClient | typeof db;

async function requiredVersion(client: Client): Promise<string | null> {
  const state = await client.keyCustodyState.findUnique({ where: { id: STATE_ID }, select: { requiredKekVersion: true } });
  return state?.requiredKekVersion ?? null;
}

function outdated(newest: string, required: string): KeyCustodyError {
  return new KeyCustodyError(
    "kek_outdated",
    `KEY_ENCRYPTION_KEYS on this server ends at ${newest}, but keys:rotate made ${required} the master key for new keys: ` +
      `this server's configuration is out of date. Add ${required} to KEY_ENCRYPTION_KEYS here and restart. ` +
      "Until then it refuses to store API keys (they would be sealed with an old master key) and cannot read keys sealed with the new one.",
  );
}

/** Throws `kek_outdated` when a key sealed with `sealedWith` would be older than rotation requires. */
export async function assertMasterKeyCurrent(client: Client, sealedWith: string): Promise<void> {
  const required = await requiredVersion(client);
  if (required === null) return;
  if ((kekVersionNumber(required) ?? 0) > (kekVersionNumber(sealedWith) ?? 0)) throw outdated(sealedWith, required);
}

/**
 * Records `version` as required for new seals (never lowers it). Refuses when
 * an earlier rotation already required something newer than `version`: this
 * process's keys are the stale ones.
 */
export async function raiseRequiredMasterKey(version: string): Promise<void> {
  await db.$transaction(async (tx) => {
    // Serialises concurrent rotations on the one row.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('key_custody_state'))`;
    const required = await requiredVersion(tx);
    if (required !== null && (kekVersionNumber(required) ?? 0) > (kekVersionNumber(version) ?? 0)) throw outdated(version, required);
    await tx.keyCustodyState.upsert({
      where: { id: STATE_ID },
      create: { id: STATE_ID, requiredKekVersion: version },
      update: { requiredKekVersion: version },
      select: { id: true },
    });
  });
}

/** For startup: the problem with this instance's master keys, if rotation has moved past them. Never throws. */
export async function describeOutdatedMasterKey(): Promise<string | null> {
  try {
    await assertMasterKeyCurrent(db, loadKeyRing().newest.version);
    return null;
  } catch (error) {
    return error instanceof KeyCustodyError ? error.message : null;
  }
}
