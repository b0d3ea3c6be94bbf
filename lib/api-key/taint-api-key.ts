import "server-only";
import { createHash } from "node:crypto";
import * as React from "react";

type TaintUniqueValue = (message: string, lifetime: object, value: string) => void;

const TAINT_MESSAGE = "Do not pass the Yazsana API key to the client.";
// React keeps one registration per call for as long as `lifetime` lives; the
// process lifetime is right for the key, so taint each key once per process.
const tainted = new Set<string>();

/**
 * Marks the key so React refuses to serialise it to a Client Component. The
 * API exists only in React's server build with Next's `experimental.taint`;
 * elsewhere (vitest, scripts) there is no client to leak to, so this is a no-op.
 */
export function taintApiKey(apiKey: string): void {
  const taint = (React as unknown as { experimental_taintUniqueValue?: unknown }).experimental_taintUniqueValue;
  if (typeof taint !== "function") return;
  // A digest, so this set holds no second copy of the key.
  const digest = createHash("sha256").update(apiKey).digest("base64");
  if (tainted.has(digest)) return;
  (taint as TaintUniqueValue)(TAINT_MESSAGE, globalThis, apiKey);
  tainted.add(digest);
}
