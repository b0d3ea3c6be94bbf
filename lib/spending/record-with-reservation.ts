import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { describeSpendRefusal } from "./describe-spend-refusal";
import { checkSpendLocked, type SpendRequest } from "./reserve-spend";

export type Reserved<T> = { kind: "reserved"; value: T } | { kind: "refused"; message: string };

/**
 * Checks the member's budget and cap and writes the send's record in one
 * transaction, under the member's lock: the record is the reservation. A
 * refusal writes nothing (so nothing reaches Yazsana).
 */
export async function recordWithReservation<T>(request: SpendRequest & { currency: string }, write: (tx: Prisma.TransactionClient) => Promise<T>): Promise<Reserved<T>> {
  const outcome = await db.$transaction(async (tx) => {
    const decision = await checkSpendLocked(tx, request);
    if (!decision.ok) return { kind: "refused" as const, decision };
    return { kind: "reserved" as const, value: await write(tx) };
  });
  if (outcome.kind === "reserved") return outcome;
  return { kind: "refused", message: await describeSpendRefusal(outcome.decision, request) };
}
