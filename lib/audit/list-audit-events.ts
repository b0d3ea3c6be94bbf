import "server-only";
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

const ACTION_LABELS: Record<string, string> = {
  "workspace.created": "Created the workspace",
  "api_key.set": "Saved the API key",
  "api_key.replaced": "Replaced the API key",
  "api_key.removed": "Removed the API key",
  "api_key.rewrapped": "Re-encrypted the API key under a new master key",
  "sms.sent": "Sent an SMS",
  "sms.send_failed": "Tried to send an SMS; Yazsana refused it",
  "sms.send_unknown": "Sent an SMS; Yazsana's answer never arrived",
  "campaign.created": "Created a bulk campaign",
  "campaign.cancelled": "Cancelled a bulk campaign",
  "campaign.resumed": "Resumed a bulk campaign",
  "api_key.verification_failed": "An API key check failed",
};

/** Why a key check failed (the Yazsana client's error kinds), in words. */
const VERIFICATION_FAILURES: Record<string, string> = {
  invalid_key: "refused by Yazsana",
  timeout: "Yazsana did not answer in time",
  rate_limited: "Yazsana was rate limiting",
  unavailable: "Yazsana was unavailable",
  malformed_response: "Yazsana's answer was unreadable",
};

/** A sentence for an audit event, built only from its safe metadata. */
export function describeAuditEvent(event: Pick<AuditEventRow, "action" | "metadata">): string {
  const label = ACTION_LABELS[event.action] ?? event.action;
  const metadata = (event.metadata ?? {}) as Record<string, unknown>;
  if (typeof metadata.last4 === "string") return `${label} (ending in ${metadata.last4})`;
  if (typeof metadata.from === "string" && typeof metadata.to === "string") return `${label} (${metadata.from} → ${metadata.to})`;
  if (typeof metadata.reason === "string") return `${label} (${VERIFICATION_FAILURES[metadata.reason] ?? metadata.reason.replaceAll("_", " ")})`;
  return label;
}
