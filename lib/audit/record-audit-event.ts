import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";

export type AuditAction =
  | "workspace.created"
  | "api_key.set"
  | "api_key.replaced"
  | "api_key.removed"
  | "api_key.rewrapped"
  | "invite.sent"
  | "invite.resent"
  | "invite.revoked"
  | "invite.accepted"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "ownership.transferred"
  | "user.signed_in"
  | "sms.sent"
  | "sms.send_failed"
  | "sms.send_unknown"
  | "campaign.created"
  | "campaign.cancelled"
  | "campaign.resumed"
  | "campaign.chunk_unknown"
  | "api_key.verification_failed"
  | "spending.budget_changed"
  | "spending.cap_changed"
  | "spending.default_budget_changed"
  | "spending.default_cap_changed"
  | "spending.rule_changed"
  | "spending.time_zone_changed"
  | "campaign.approved"
  | "campaign.rejected"
  | "campaign.approval_expired";

export type AuditEventInput = {
  workspaceId: string;
  actorId: string | null;
  action: AuditAction;
  target?: string;
  /** Safe facts only: ids, last4, counts. Never a key, password or token. */
  metadata?: Prisma.InputJsonObject;
};

/** The database, or a transaction on it; typed by need so any client configuration fits. */
type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): PromiseLike<unknown> } };

/** Writes one audit event, inside the caller's transaction when given one. */
export async function recordAuditEvent(event: AuditEventInput, tx: AuditWriter = db): Promise<void> {
  await tx.auditEvent.create({ data: event });
}
