import "server-only";
import { findPortalSenders } from "@/lib/sending/find-portal-senders";

/** Who a sending came from, as the reports show it. */
export type SenderLabel =
  | { kind: "member"; userId: string; name: string; email: string }
  | { kind: "panel" }
  | { kind: "api" };

export const SENDER_FALLBACK_TEXT = { panel: "Yazsana panel", api: "API (outside the portal)" } as const;

type SendingRef = { id: string; source?: string | undefined };

/**
 * The one place reports join Yazsana's sendings with the portal's own send
 * records. A sending recorded by this workspace names its member; anything
 * else came from Yazsana's panel (source "panel") or from the API outside the
 * portal.
 */
export async function findSenders(workspaceId: string, sendings: SendingRef[]): Promise<Map<string, SenderLabel>> {
  const members = await findPortalSenders(workspaceId, sendings.map((sending) => sending.id));
  const labels = new Map<string, SenderLabel>();
  for (const sending of sendings) {
    const member = members.get(sending.id);
    labels.set(sending.id, member ? { kind: "member", ...member } : sending.source === "panel" ? { kind: "panel" } : { kind: "api" });
  }
  return labels;
}

export function senderText(label: SenderLabel | undefined): string {
  if (!label || label.kind === "api") return SENDER_FALLBACK_TEXT.api;
  if (label.kind === "panel") return SENDER_FALLBACK_TEXT.panel;
  return label.name;
}
