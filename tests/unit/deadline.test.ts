import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startDeadline, type Deadline } from "@/lib/runtime/deadline";
import { exposeGarbageCollector } from "../support/collect-garbage";

const collectGarbage = exposeGarbageCollector();

/** A request (a payload in its async context) that makes a deadline, finishes its work and lets go of it. */
function requestThatFinishes(makeDeadline: () => { signal: AbortSignal; clear?: () => void }): WeakRef<object> {
  const requests = new AsyncLocalStorage<object>();
  const request = { payload: new Array(10_000).fill(1) };
  requests.run(request, () => {
    const deadline = makeDeadline();
    deadline.clear?.();
  });
  return new WeakRef(request);
}

describe("startDeadline", () => {
  it("aborts with a TimeoutError once the time is up", async () => {
    const deadline = startDeadline(5);
    expect(deadline.signal.aborted).toBe(false);
    await sleep(30);
    expect(deadline.signal.aborted).toBe(true);
    expect((deadline.signal.reason as DOMException).name).toBe("TimeoutError");
  });

  it("never aborts once cleared", async () => {
    const deadline: Deadline = startDeadline(5);
    deadline.clear();
    await sleep(30);
    expect(deadline.signal.aborted).toBe(false);
  });

  it("lets the request it was made in go as soon as it is cleared, where AbortSignal.timeout holds it until it fires", async () => {
    const cleared = requestThatFinishes(() => startDeadline(60_000));
    const builtIn = requestThatFinishes(() => ({ signal: AbortSignal.timeout(60_000) }));
    await sleep(0);
    collectGarbage();
    collectGarbage();
    expect(cleared.deref()).toBeUndefined();
    // Why the portal stopped using it: the pending timer keeps its async context (the request).
    expect(builtIn.deref()).toBeDefined();
  });
});
