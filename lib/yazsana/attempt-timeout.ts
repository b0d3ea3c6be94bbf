import "server-only";

/** Makes the signal that ends one upstream attempt after `timeoutMs`. */
export type AttemptTimer = (timeoutMs: number) => AbortSignal;

const wallClock: AttemptTimer = (timeoutMs) => AbortSignal.timeout(timeoutMs);
let timer: AttemptTimer = wallClock;

/**
 * Replaces the wall clock behind each attempt's timeout; null restores it.
 * Tests end an attempt exactly when the simulator holds it open, so a timeout
 * test neither waits for real time nor times out a healthy call on a loaded machine.
 */
export function setYazsanaAttemptTimer(next: AttemptTimer | null): void {
  timer = next ?? wallClock;
}

export function attemptTimeoutSignal(timeoutMs: number): AbortSignal {
  return timer(timeoutMs);
}
