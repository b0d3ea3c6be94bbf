import "server-only";
import { startDeadline, type Deadline } from "@/lib/runtime/deadline";

/** Starts the deadline that ends one upstream attempt after `timeoutMs`. */
export type AttemptTimer = (timeoutMs: number) => Deadline;

let timer: AttemptTimer = startDeadline;

/**
 * Replaces the wall clock behind each attempt's timeout; null restores it.
 * Tests end an attempt exactly when the simulator holds it open, so a timeout
 * test neither waits for real time nor times out a healthy call on a loaded machine.
 */
export function setYazsanaAttemptTimer(next: AttemptTimer | null): void {
  timer = next ?? startDeadline;
}

export function startAttemptDeadline(timeoutMs: number): Deadline {
  return timer(timeoutMs);
}
