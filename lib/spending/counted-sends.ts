import "server-only";
import { Prisma } from "@/lib/db/generated/client";

/**
 * Which send records count against budgets and caps (aliases: s = sends,
 * c = campaigns, left-joined). Accepted and unknown sends count, and pending
 * ones (they may go through); failed ones don't. A campaign's chunks not sent
 * yet count while it holds a reservation (awaiting approval and not expired,
 * scheduled, running or stopped), so cancelling, rejecting or expiring it
 * releases them.
 */
export const COUNTED_SEND = Prisma.sql`(
  s.state IN ('pending', 'accepted', 'unknown')
  OR (s.state = 'queued' AND (
    c.state IN ('scheduled', 'running', 'stopped')
    OR (c.state = 'awaiting_approval' AND c.approval_expires_at > now())
  ))
)`;

/**
 * When a send counts: a campaign chunk when its cost was reserved (with its
 * campaign, or again when a resume re-sends it after a failure), a single SMS
 * when it was recorded.
 */
export const COUNTED_AT = Prisma.sql`COALESCE(s.reserved_at, c.reserved_at, s.created_at)`;
