import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { CURRENT_AAD_VERSION, rewrapDataKey } from "@/lib/crypto/envelope";
import { KeyCustodyError, type KeyCustodyErrorCode } from "@/lib/crypto/key-custody-error";
import { assertKeyEncryptionKeysConfigured } from "@/lib/crypto/key-encryption-keys";
import { forgetOrganizations } from "@/lib/workspaces/organizations-cache";
import { API_KEY_TARGET, secretColumns } from "./credential-columns";
import { raiseRequiredMasterKey } from "./required-master-key";

export type RotationFailure = {
  workspaceId: string;
  /** `changed_during_rotation`: the key kept being replaced while we tried; run again. */
  code: KeyCustodyErrorCode | "changed_during_rotation";
  /** Operator-facing, safe to print: names versions and workspaces, never key material. */
  message: string;
};

/** What the final check found still sealed the old way, read after the rotation pass. */
export type RotationCheck = {
  /** Stored keys whose data key is wrapped by an older master key, by version. */
  olderMasterKeys: Record<string, number>;
  /** Stored keys whose seal binds only the workspace (AAD version 1), not the credential id. */
  olderBinding: number;
};

export type RotationReport = {
  newestVersion: string;
  total: number;
  rewrapped: number;
  alreadyCurrent: number;
  failed: RotationFailure[];
  check: RotationCheck;
};

type RowOutcome = "rewrapped" | "current" | "gone" | RotationFailure;

const BATCH_SIZE = 100;
const ATTEMPTS_PER_ROW = 3;

/**
 * Brings every stored key up to date — data key wrapped under the newest
 * master key, seal bound to workspace and credential id — so older versions
 * can be removed from KEY_ENCRYPTION_KEYS. Safe while the portal runs: each
 * row is updated in its own short transaction, only if it still holds the
 * seal we read. Idempotent. A row that cannot be opened is reported and the
 * rest continue.
 *
 * It first records the newest version as required for new seals, so an app
 * instance still configured with an older master key refuses to store keys
 * instead of sealing them the old way; and it ends by counting what still
 * uses an older version, which must be zero before anything is removed.
 */
export async function rotateStoredApiKeys(): Promise<RotationReport> {
  const newestVersion = assertKeyEncryptionKeysConfigured().newest;
  await raiseRequiredMasterKey(newestVersion);
  const report: Omit<RotationReport, "check"> = { newestVersion, total: 0, rewrapped: 0, alreadyCurrent: 0, failed: [] };

  let after: string | undefined;
  for (;;) {
    // Keyset pagination over non-secret columns; secrets are read one row at a time.
    const batch = await db.apiCredential.findMany({
      where: after === undefined ? {} : { workspaceId: { gt: after } },
      select: { workspaceId: true, kekVersion: true, aadVersion: true },
      orderBy: { workspaceId: "asc" },
      take: BATCH_SIZE,
    });
    for (const row of batch) {
      const outcome = isCurrent(row, newestVersion) ? "current" : await rotateRow(row.workspaceId, newestVersion);
      if (outcome === "gone") continue;
      report.total++;
      if (outcome === "rewrapped") report.rewrapped++;
      else if (outcome === "current") report.alreadyCurrent++;
      else report.failed.push(outcome);
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH_SIZE) break;
    after = last.workspaceId;
  }
  return { ...report, check: await checkRotation(newestVersion) };
}

const isCurrent = (row: { kekVersion: string; aadVersion: number }, newestVersion: string) =>
  row.kekVersion === newestVersion && row.aadVersion === CURRENT_AAD_VERSION;

/** Counts, after the pass, every stored key not yet sealed under `newestVersion` with the current binding. */
export async function checkRotation(newestVersion: string): Promise<RotationCheck> {
  const rows = await db.apiCredential.groupBy({
    by: ["kekVersion", "aadVersion"],
    where: { OR: [{ kekVersion: { not: newestVersion } }, { aadVersion: { not: CURRENT_AAD_VERSION } }] },
    _count: { _all: true },
  });
  const check: RotationCheck = { olderMasterKeys: {}, olderBinding: 0 };
  for (const row of rows) {
    if (row.kekVersion !== newestVersion) check.olderMasterKeys[row.kekVersion] = (check.olderMasterKeys[row.kekVersion] ?? 0) + row._count._all;
    if (row.aadVersion !== CURRENT_AAD_VERSION) check.olderBinding += row._count._all;
  }
  return check;
}

async function rotateRow(workspaceId: string, newestVersion: string): Promise<RowOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS_PER_ROW; attempt++) {
    const stored = await db.apiCredential.findUnique({ where: { workspaceId }, select: secretColumns });
    if (!stored) return "gone";
    if (isCurrent(stored, newestVersion)) return "current";

    let resealed;
    try {
      resealed = rewrapDataKey(stored, workspaceId, stored.id);
    } catch (error) {
      if (error instanceof KeyCustodyError) return { workspaceId, code: error.code, message: error.message };
      throw error;
    }

    const updated = await db.$transaction(async (tx) => {
      // Only if the row still holds the seal we read: the portal may have
      // replaced the key meanwhile (wrap IVs are random, so they identify a wrap).
      const { count } = await tx.apiCredential.updateMany({
        where: { workspaceId, id: stored.id, kekVersion: stored.kekVersion, wrapIv: { equals: stored.wrapIv } },
        data: {
          ciphertext: resealed.ciphertext,
          iv: resealed.iv,
          authTag: resealed.authTag,
          wrappedDataKey: resealed.wrappedDataKey,
          wrapIv: resealed.wrapIv,
          wrapAuthTag: resealed.wrapAuthTag,
          kekVersion: resealed.kekVersion,
          aadVersion: resealed.aadVersion,
        },
      });
      if (count === 1) {
        await recordAuditEvent(
          {
            workspaceId,
            actorId: null,
            action: "api_key.rewrapped",
            target: API_KEY_TARGET,
            metadata: { from: stored.kekVersion, to: resealed.kekVersion },
          },
          tx,
        );
      }
      return count === 1;
    });
    if (updated) {
      // Same key, new seal: nothing cached is wrong, but every key change starts the header afresh.
      forgetOrganizations(workspaceId);
      return "rewrapped";
    }
  }
  return {
    workspaceId,
    code: "changed_during_rotation",
    message: `The API key of workspace ${workspaceId} changed ${ATTEMPTS_PER_ROW} times while it was being re-wrapped; run the rotation again.`,
  };
}
