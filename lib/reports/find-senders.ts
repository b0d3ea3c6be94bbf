import "server-only";
import type { AppTranslator } from "@/lib/i18n/translator";
import { findPortalSenders } from "@/lib/sending/find-portal-senders";

/** Who a sending came from, as the reports show it. */
export type SenderLabel =
  | { kind: "member"; userId: string; name: string; email: string }
  | { kind: "panel" }
  | { kind: "api" };

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

/** The member's name, else where the sending came from in the reader's language (the page's <SenderName> and the CSV). */
export function senderText(label: SenderLabel | undefined, t: AppTranslator<"reports">): string {
  if (label?.kind === "member") return label.name;
  return t(label?.kind === "panel" ? "sender.panel" : "sender.api");
}
