/**
 * Reads the stack of every Error a signal is aborted with, at the moment of
 * the abort. Without it the server kept every request it ever served.
 *
 * Until its `.stack` is read, V8 keeps an Error's stack as call-site objects
 * that hold each frame's receiver. React ends every render by aborting its
 * cache signal with an Error made inside a setImmediate callback, so one
 * receiver is the Immediate; Node leaves processed Immediates linked to the
 * ones after them (_idleNext/_idlePrev), and each Immediate holds the async
 * context, i.e. the request, it was scheduled in. Every request so kept the
 * next one alive: ~300 kB a request, never released (nodejs/node#66129,
 * vercel/next.js#97899). Reading the stack turns the frames into a string
 * and releases them; it costs microseconds, once per aborted signal.
 */
const PATCHED = Symbol.for("yazsana-portal.abort-reason-stacks");

export function formatAbortReasonStacks(): void {
  const prototype = AbortController.prototype as AbortController & { [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  const abort = prototype.abort;
  prototype.abort = function abortWithFormattedStack(this: AbortController, reason?: unknown) {
    if (reason instanceof Error) void reason.stack;
    return abort.call(this, reason);
  };
  prototype[PATCHED] = true;
}
