import "server-only";
import { db } from "@/lib/db/client";

export type PortalSender = { userId: string; name: string; email: string };

/**
 * Which member of this workspace made each Yazsana sending through the portal
 * (single sends and campaign chunks alike). Sendings made elsewhere (Yazsana's
 * panel, another tool, a deleted member) are simply absent from the map.
 */
export async function findPortalSenders(workspaceId: string, sendingIds: readonly string[]): Promise<Map<string, PortalSender>> {
  const senders = new Map<string, PortalSender>();
  if (sendingIds.length === 0) return senders;
  const records = await db.sendRecord.findMany({
    where: { workspaceId, sendingId: { in: [...new Set(sendingIds)] }, user: { isNot: null } },
    select: { sendingId: true, user: { select: { id: true, name: true, email: true } } },
  });
  for (const record of records) {
    if (record.sendingId && record.user) {
      senders.set(record.sendingId, { userId: record.user.id, name: record.user.name, email: record.user.email });
    }
  }
  return senders;
}
