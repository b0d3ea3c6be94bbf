import "server-only";
import type { Messages } from "next-intl";
import type { AppTranslator } from "@/lib/i18n/translator";
import { db } from "@/lib/db/client";

export const AUDIT_PAGE_SIZE = 25;

export type AuditEventRow = {
  id: string;
  action: string;
  createdAt: Date;
  actor: { name: string; email: string } | null;
  metadata: unknown;
};

/** One page (1-based) of a workspace's audit events, newest first. */
export async function listAuditEvents(workspaceId: string, page: number) {
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where: { workspaceId } }),
    db.auditEvent.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, action: true, createdAt: true, metadata: true, actor: { select: { name: true, email: true } } },
    }),
  ]);
  return { events: events satisfies AuditEventRow[], total, totalPages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

type AuditActionKey = `actions.${keyof Messages["audit"]["actions"] & string}`;
type VerificationFailureKey = `verificationFailures.${keyof Messages["audit"]["verificationFailures"] & string}`;

/**
 * A sentence for an audit event in the reader's language, built only from its
 * safe metadata. A stored action "api_key.set" reads from the catalog key
 * audit.actions.api_key_set: a new action needs only its two catalog lines.
 */
export function describeAuditEvent(event: Pick<AuditEventRow, "action" | "metadata">, t: AppTranslator<"audit">): string {
  const key = `actions.${event.action.replaceAll(".", "_")}` as AuditActionKey;
  const action = t.has(key) ? t(key) : event.action;
  const metadata = (event.metadata ?? {}) as Record<string, unknown>;
  if (typeof metadata.last4 === "string") return t("endingIn", { action, last4: metadata.last4 });
  if (typeof metadata.from === "string" && typeof metadata.to === "string") return t("change", { action, from: metadata.from, to: metadata.to });
  if (typeof metadata.reason === "string") {
    // Why a key check failed: the Yazsana client's error kinds.
    const reasonKey = `verificationFailures.${metadata.reason}` as VerificationFailureKey;
    return t("withReason", { action, reason: t.has(reasonKey) ? t(reasonKey) : metadata.reason.replaceAll("_", " ") });
  }
  return action;
}
