import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { COUNTED_AT, COUNTED_SEND } from "./counted-sends";
import type { SpendPeriods } from "./spend-periods";
import type { SpendUsage } from "./spend-math";

type SqlReader = Prisma.TransactionClient | typeof db;

/** A member's cost this month in one context and messages today in all of them, from our own ledger. */
export async function readSpendUsage(
  request: { workspaceId: string; userId: string; organizationId: string | null; periods: SpendPeriods },
  client: SqlReader = db,
): Promise<SpendUsage> {
  const { workspaceId, userId, organizationId, periods } = request;
  const [row] = await client.$queryRaw<Array<{ month_cost: string; day_messages: number }>>`
    SELECT
      COALESCE(SUM(s.cost_estimate) FILTER (
        WHERE s.organization_id IS NOT DISTINCT FROM ${organizationId}::text
          AND ${COUNTED_AT} >= ${periods.monthStart} AND ${COUNTED_AT} < ${periods.monthEnd}
      ), 0)::text AS month_cost,
      COALESCE(SUM(s.recipient_count) FILTER (
        WHERE ${COUNTED_AT} >= ${periods.dayStart} AND ${COUNTED_AT} < ${periods.dayEnd}
      ), 0)::int AS day_messages
    FROM sends s
    LEFT JOIN campaigns c ON c.id = s.campaign_id
    WHERE s.workspace_id = ${workspaceId}::uuid
      AND s.user_id = ${userId}::uuid
      AND ${COUNTED_SEND}`;
  return { monthCost: row?.month_cost ?? "0", dayMessages: Number(row?.day_messages ?? 0) };
}
