import "server-only";
import type { Messages } from "next-intl";
import type { AppTranslator } from "@/lib/i18n/translator";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const AUDIT_PAGE_SIZE = 25;

export type AuditEventRow = {
  id: string;
  action: string;
  createdAt: Date;
  actor: { name: string; email: string } | null;
  metadata: unknown;
};

/** Optional filters from the URL: one action, and one member (events they did or that were about them). */
export type AuditFilters = { action?: string; member?: { id: string; email: string } };

function whereFor(workspaceId: string, filters: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    workspaceId,
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.member ? { OR: [{ actorId: filters.member.id }, { target: filters.member.email }] } : {}),
  };
}

/** One page (1-based) of a workspace's audit events, newest first. */
export async function listAuditEvents(workspaceId: string, page: number, filters: AuditFilters = {}) {
  const where = whereFor(workspaceId, filters);
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, action: true, createdAt: true, metadata: true, actor: { select: { name: true, email: true } } },
    }),
  ]);
  return { events: events satisfies AuditEventRow[], total, totalPages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** Everyone who can be picked in the member filter: current members and anyone who acted in the workspace. */
export async function listAuditMembers(workspaceId: string) {
  return db.user.findMany({
    where: { OR: [{ memberships: { some: { workspaceId } } }, { auditEvents: { some: { workspaceId } } }] },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
  });
}

type AuditActionKey = `actions.${keyof Messages["audit"]["actions"] & string}`;
type TeamSentenceKey = `team.${keyof Messages["audit"]["team"] & string}`;
type RoleKey = `roles.${keyof Messages["audit"]["roles"] & string}`;
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
  const teamKey = `team.${event.action.replaceAll(".", "_")}` as TeamSentenceKey;
  if (typeof metadata.email === "string" && t.has(teamKey)) {
    // Team events: who was invited, changed or removed, with roles in the reader's language.
    const role = (value: unknown) => (t.has(`roles.${String(value)}` as RoleKey) ? t(`roles.${String(value)}` as RoleKey) : String(value));
    return t(teamKey, { email: metadata.email, role: role(metadata.role), from: role(metadata.from), to: role(metadata.to) });
  }
  if (typeof metadata.last4 === "string") return t("endingIn", { action, last4: metadata.last4 });
  if (typeof metadata.from === "string" && typeof metadata.to === "string") return t("change", { action, from: metadata.from, to: metadata.to });
  if (typeof metadata.reason === "string") {
    // Why a key check failed: the Yazsana client's error kinds.
    const reasonKey = `verificationFailures.${metadata.reason}` as VerificationFailureKey;
    return t("withReason", { action, reason: t.has(reasonKey) ? t(reasonKey) : metadata.reason.replaceAll("_", " ") });
  }
  return action;
}

/** The actions that happened in the workspace, for the action filter. */
export async function listAuditActions(workspaceId: string): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ where: { workspaceId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}

/** The name of an action in the reader's language (the filter's options). */
export function auditActionLabel(action: string, t: AppTranslator<"audit">): string {
  const key = `actions.${action.replaceAll(".", "_")}` as AuditActionKey;
  return t.has(key) ? t(key) : action;
}
