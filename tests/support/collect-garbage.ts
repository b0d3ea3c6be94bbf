import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * A real, full garbage collection on demand, for tests that measure what
 * stays alive. V8 makes `gc` only in contexts created after the flag is set,
 * hence the fresh context (vitest starts its workers without --expose-gc).
 */
export function exposeGarbageCollector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
