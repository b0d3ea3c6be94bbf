/**
 * The parts of a sending's status bar. Refunded messages are failed ones
 * whose cost came back, so the bar splits "failed" into failed-and-kept and
 * refunded instead of counting them twice; the text always gives Yazsana's
 * own numbers.
 */
export type StatusPart = { key: "pending" | "waiting" | "completed" | "failed" | "refunded"; label: string; count: number; share: number };

export type StatusCounts = { nOfPending: number; nOfWaiting: number; nOfCompleted: number; nOfFailed: number; nOfRefunded: number };

export function statusBreakdown(stats: StatusCounts): { parts: StatusPart[]; summary: string } {
  const refundedInBar = Math.min(stats.nOfRefunded, stats.nOfFailed);
  const drawn = [
    { key: "pending", label: "Pending", count: stats.nOfPending },
    { key: "waiting", label: "Waiting", count: stats.nOfWaiting },
    { key: "completed", label: "Completed", count: stats.nOfCompleted },
    { key: "failed", label: "Failed", count: stats.nOfFailed - refundedInBar },
    { key: "refunded", label: "Refunded", count: refundedInBar },
  ] as const;
  const total = drawn.reduce((sum, part) => sum + part.count, 0);
  const parts = drawn.map((part) => ({ ...part, share: total === 0 ? 0 : part.count / total }));
  const summary = [
    `${stats.nOfPending} pending`,
    `${stats.nOfWaiting} waiting`,
    `${stats.nOfCompleted} completed`,
    `${stats.nOfFailed} failed`,
    `${stats.nOfRefunded} refunded`,
  ].join(", ");
  return { parts, summary };
}
