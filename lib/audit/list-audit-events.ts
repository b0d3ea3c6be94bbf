import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
export { AUDIT_ACTION_LABELS, describeAuditEvent } from "./describe-audit-event";

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
