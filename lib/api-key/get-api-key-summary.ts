import "server-only";
import { db } from "@/lib/db/client";
import { summaryColumns } from "./credential-columns";

export type ApiKeySummary = {
  last4: string;
  yazsanaUsername: string;
  yazsanaEmail: string;
  verifiedAt: Date;
  /** Who saved the key; null once that user is deleted. */
  setBy: { name: string; email: string } | null;
};

/** What the settings page shows about the key; never reads the encrypted columns. */
export async function getApiKeySummary(workspaceId: string): Promise<ApiKeySummary | null> {
  return db.apiCredential.findUnique({ where: { workspaceId }, select: summaryColumns });
}
