import type { MessageStatus } from "../lib/yazsana/schemas";
import { creditAccount } from "./ledger";
import { costOf } from "./money";
import { draw } from "./random";
import { FAILED_STATUSES, type SimSending, type SimState } from "./state";

/**
 * Messages move pending → waiting → sent | not_sent | no_signal, one step per
 * tick. Only sendings in `state.active` are visited, so a tick costs the number
 * of unfinished messages, however much history there is.
 */

/** Roughly what a healthy route delivers: 80 % sent, 12 % rejected, 8 % unreachable. */
export function outcomeFor(seed: number, sending: SimSending, index: number): MessageStatus {
  const roll = draw(seed, sending.seq, index);
  if (roll < 0.8) return "sent";
  if (roll < 0.92) return "not_sent";
  return "no_signal";
}

/** Advances every unfinished message `steps` times; returns how many message steps were taken. */
export function advanceLifecycle(state: SimState, seed: number, now: number, steps = 1): number {
  let advanced = 0;
  for (let step = 0; step < steps && state.active.size > 0; step += 1) {
    for (const sending of [...state.active]) {
      advanced += advanceSending(state, seed, now, sending);
      if (sending.unfinished.length === 0) state.active.delete(sending);
    }
  }
  return advanced;
}

function advanceSending(state: SimState, seed: number, now: number, sending: SimSending): number {
  const stillUnfinished: number[] = [];
  let failedNow = 0;
  for (const index of sending.unfinished) {
    const message = sending.messages[index]!;
    const next = message.status === "pending" ? "waiting" : outcomeFor(seed, sending, index);
    sending.counts[message.status] -= 1;
    sending.counts[next] += 1;
    message.status = next;
    message.updatedAt = now;
    if (next === "waiting") stillUnfinished.push(index);
    else if (FAILED_STATUSES.has(next)) failedNow += 1;
  }
  const advanced = sending.unfinished.length;
  sending.unfinished = stillUnfinished;
  sending.version += 1;
  // A failed message is refunded in the same step, so nOfRefunded always equals nOfFailed.
  if (failedNow > 0) creditAccount(state, sending.userId, sending.organizationId).add(costOf(sending.unitPrice, failedNow));
  return advanced;
}
