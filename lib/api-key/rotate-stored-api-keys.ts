import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { rewrapDataKey } from "@/lib/crypto/envelope";
import { KeyCustodyError, type KeyCustodyErrorCode } from "@/lib/crypto/key-custody-error";
import { assertKeyEncryptionKeysConfigured } from "@/lib/crypto/key-encryption-keys";
import { forgetOrganizations } from "@/lib/workspaces/organizations-cache";
import { API_KEY_TARGET, secretColumns } from "./credential-columns";

export type RotationFailure = {
  workspaceId: string;
  /** `changed_during_rotation`: the key kept being replaced while we tried; run again. */
  code: KeyCustodyErrorCode | "changed_during_rotation";
  /** Operator-facing, safe to print: names versions and workspaces, never key material. */
  message: string;
};

export type RotationReport = {
  newestVersion: string;
  total: number;
  rewrapped: number;
  alreadyCurrent: number;
  failed: RotationFailure[];
};

type RowOutcome = "rewrapped" | "current" | "gone" | RotationFailure;

const BATCH_SIZE = 100;
const ATTEMPTS_PER_ROW = 3;

/**
 * Re-wraps every stored key's data key under the newest master key, so older
 * versions can be removed from KEY_ENCRYPTION_KEYS. Safe while the portal
 * runs: each row is updated in its own short transaction, only if it still
 * holds the wrap we read. Idempotent: keys already on the newest version are
 * left alone. A row that cannot be opened is reported and the rest continue.
 */
export async function rotateStoredApiKeys(): Promise<RotationReport> {
  const newestVersion = assertKeyEncryptionKeysConfigured().newest;
  const report: RotationReport = { newestVersion, total: 0, rewrapped: 0, alreadyCurrent: 0, failed: [] };

  let after: string | undefined;
  for (;;) {
    // Keyset pagination over non-secret columns; secrets are read one row at a time.
    const batch = await db.apiCredential.findMany({
      where: after === undefined ? {} : { workspaceId: { gt: after } },
      select: { workspaceId: true, kekVersion: true },
      orderBy: { workspaceId: "asc" },
      take: BATCH_SIZE,
    });
    for (const row of batch) {
      const outcome = row.kekVersion === newestVersion ? "current" : await rotateRow(row.workspaceId, newestVersion);
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
  return report;
}

async function rotateRow(workspaceId: string, newestVersion: string): Promise<RowOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS_PER_ROW; attempt++) {
    const stored = await db.apiCredential.findUnique({ where: { workspaceId }, select: secretColumns });
    if (!stored) return "gone";
    if (stored.kekVersion === newestVersion) return "current";

    let resealed;
    try {
      resealed = rewrapDataKey(stored, workspaceId);
    } catch (error) {
      if (error instanceof KeyCustodyError) return { workspaceId, code: error.code, message: error.message };
      throw error;
    }

    const updated = await db.$transaction(async (tx) => {
      // Only if the row still holds the wrap we read: the portal may have
      // replaced the key meanwhile (wrap IVs are random, so they identify a wrap).
      const { count } = await tx.apiCredential.updateMany({
        where: { workspaceId, kekVersion: stored.kekVersion, wrapIv: { equals: stored.wrapIv } },
        data: {
          wrappedDataKey: resealed.wrappedDataKey,
          wrapIv: resealed.wrapIv,
          wrapAuthTag: resealed.wrapAuthTag,
          kekVersion: resealed.kekVersion,
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
