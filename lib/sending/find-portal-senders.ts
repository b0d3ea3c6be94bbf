import "server-only";
import { sql } from "@/lib/db/client";

export type PortalSender = { userId: string; name: string; email: string };

/**
 * Which member of this workspace made each Yazsana sending through the portal
 * (single sends and campaign chunks alike). Sendings made elsewhere (Yazsana's
 * panel, another tool, a deleted member) are simply absent from the map.
 * Every /reports page asks this for its 20 rows: one plain statement, without
 * Prisma's per-call query compilation.
 */
export async function findPortalSenders(workspaceId: string, sendingIds: readonly string[]): Promise<Map<string, PortalSender>> {
  const senders = new Map<string, PortalSender>();
  if (sendingIds.length === 0) return senders;
  const rows = await sql<{ sending_id: string; user_id: string; name: string; email: string }>`
    SELECT s.yazsana_sending_id AS sending_id, u.id::text AS user_id, u.name, u.email
    FROM sends s JOIN users u ON u.id = s.user_id
    WHERE s.workspace_id = ${workspaceId}::uuid AND s.yazsana_sending_id = ANY(${[...new Set(sendingIds)]}::text[])`;
  for (const row of rows) senders.set(row.sending_id, { userId: row.user_id, name: row.name, email: row.email });
  return senders;
}
