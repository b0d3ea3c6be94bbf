import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { formatAbortReasonStacks } from "@/lib/runtime/abort-reason-stacks";
import { exposeGarbageCollector } from "../support/collect-garbage";

/**
 * The shape of the leak the server had: a render (here a plain object in an
 * async context) ends inside a setImmediate callback by aborting a signal with
 * a new Error, and the signal outlives the render. Whether the render can be
 * collected afterwards is checked with a real garbage collection.
 */
const collectGarbage = exposeGarbageCollector();
const originalAbort = AbortController.prototype.abort;

afterAll(() => {
  AbortController.prototype.abort = originalAbort;
  delete (AbortController.prototype as unknown as Record<symbol, unknown>)[Symbol.for("yazsana-portal.abort-reason-stacks")];
});

type Render = { payload: number[]; finish(this: Render, controller: AbortController): void };

async function renderThatAborts(): Promise<{ controller: AbortController; render: WeakRef<Render> }> {
  const requests = new AsyncLocalStorage<Render>();
  const controller = new AbortController();
  const render: Render = {
    payload: new Array(10_000).fill(1),
    finish(signalOwner) {
      signalOwner.abort(new Error("This render completed successfully."));
    },
  };
  await new Promise<void>((resolve) =>
    requests.run(render, () =>
      setImmediate(() => {
        render.finish(controller);
        resolve();
      }),
    ),
  );
  return { controller, render: new WeakRef(render) };
}

async function collectedAfterAbort(): Promise<{ collected: boolean; reason: unknown }> {
  const { controller, render } = await renderThatAborts();
  // Later immediates, as the next requests would schedule.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  collectGarbage();
  return { collected: render.deref() === undefined, reason: controller.signal.reason };
}

describe("formatAbortReasonStacks", () => {
  it("lets a finished render go although its signal's abort reason lives on", async () => {
    // Without the fix the Error's unformatted stack holds the render (the
    // receiver of the frame that made it): this is what kept every request.
    expect((await collectedAfterAbort()).collected).toBe(false);

    formatAbortReasonStacks();
    const { collected, reason } = await collectedAfterAbort();
    expect(collected).toBe(true);
    expect(reason).toBeInstanceOf(Error);
    expect((reason as Error).message).toBe("This render completed successfully.");
    expect((reason as Error).stack).toContain("finish");
  });

  it("keeps abort's behaviour: reason, event and a second abort ignored", () => {
    formatAbortReasonStacks();
    formatAbortReasonStacks();
    const controller = new AbortController();
    const seen: unknown[] = [];
    controller.signal.addEventListener("abort", () => seen.push(controller.signal.reason));
    controller.abort("first");
    controller.abort(new Error("second"));
    expect(seen).toEqual(["first"]);
    expect(controller.signal.reason).toBe("first");

    const withoutReason = new AbortController();
    withoutReason.abort();
    expect((withoutReason.signal.reason as DOMException).name).toBe("AbortError");
  });
});
