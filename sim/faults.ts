import type { ServerResponse } from "node:http";
import { z } from "zod";
import { yazsanaRoutes, type YazsanaOperation } from "../lib/yazsana/routes";
import { sendJson } from "./http";

/**
 * Injected upstream misbehaviour, for tests of the client's error handling.
 * A request takes at most one fault: the oldest that matches its key and
 * operation. `latencyMs` also delays the other kinds (a slow 503, say).
 */

const operations = Object.keys(yazsanaRoutes) as [YazsanaOperation, ...YazsanaOperation[]];

export const faultSpec = z.strictObject({
  apiKey: z.string().min(1).optional(),
  operation: z.enum(operations).optional(),
  kind: z.enum(["latency", "error", "rate_limit", "timeout", "malformed", "oversized", "lost_answer"]),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  status: z.number().int().min(400).max(599).default(503),
  retryAfterSeconds: z.number().int().min(0).default(1),
  /** Body size of an `oversized` answer. */
  sizeBytes: z.number().int().min(1).max(256 * 1024 * 1024).default(16 * 1024 * 1024),
  times: z.number().int().min(1).optional(),
});
export type FaultSpec = z.output<typeof faultSpec>;

type Fault = FaultSpec & { id: string; remaining: number };

export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): string {
    const id = `fault-${this.nextId++}`;
    this.faults.push({ ...spec, id, remaining: spec.times ?? Infinity });
    return id;
  }

  clear() {
    this.faults = [];
  }

  /** The fault this request gets, if any; counts it against `times`. */
  take(apiKey: string | undefined, operation: YazsanaOperation): Fault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        (candidate.apiKey === undefined || candidate.apiKey === apiKey) &&
        (candidate.operation === undefined || candidate.operation === operation),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault;
  }
}

/** The shape of a cut-off JSON body, as a proxy truncating a response would produce. */
const MALFORMED_BODY = '{"success":true,"data":{"items":[{"id":';

/**
 * Plays a fault out. Returns true when the response is fully handled by the
 * fault; false when the request should be answered normally (pure latency).
 * A "timeout" leaves the response open: the client gives up, or close() ends it.
 */
export async function playFault(fault: Fault, response: ServerResponse): Promise<boolean> {
  if (fault.latencyMs && (await waitUnlessClosed(fault.latencyMs, response)) === "closed") return true;
  switch (fault.kind) {
    case "latency":
    case "lost_answer":
      return false;
    case "error":
      sendJson(response, fault.status, { success: false, message: "Simulated upstream failure", code: "SIMULATED_FAILURE" });
      return true;
    case "rate_limit":
      sendJson(
        response,
        429,
        { success: false, message: "Too many requests", code: "RATE_LIMITED" },
        { "retry-after": String(fault.retryAfterSeconds) },
      );
      return true;
    case "timeout":
      return true;
    case "malformed":
      response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      response.end(MALFORMED_BODY);
      return true;
    case "oversized":
      streamOversizedBody(response, fault.sizeBytes);
      return true;
  }
}

const OVERSIZED_CHUNK = Buffer.alloc(64 * 1024, "x");

/**
 * A well-formed but huge 200 answer, streamed without Content-Length (as a
 * misbehaving proxy or upstream would), so the client's cap must hold while
 * reading, not only on a declared length. Stops when the client hangs up.
 */
function streamOversizedBody(response: ServerResponse, sizeBytes: number) {
  const head = '{"success":true,"data":[],"padding":"';
  const tail = '"}';
  response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
  response.write(head);
  let left = Math.max(0, sizeBytes - head.length - tail.length);
  const writeMore = () => {
    while (left > 0 && !response.destroyed) {
      const chunk = left >= OVERSIZED_CHUNK.length ? OVERSIZED_CHUNK : OVERSIZED_CHUNK.subarray(0, left);
      left -= chunk.length;
      if (!response.write(chunk)) return void response.once("drain", writeMore);
    }
    if (!response.destroyed) response.end(tail);
  };
  writeMore();
}

/** Waits `ms`, or less if the client hangs up first (then there is no one left to answer). */
function waitUnlessClosed(ms: number, response: ServerResponse): Promise<"elapsed" | "closed"> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish("elapsed"), ms);
    const onClose = () => finish("closed");
    response.once("close", onClose);
    function finish(outcome: "elapsed" | "closed") {
      clearTimeout(timer);
      response.off("close", onClose);
      resolve(outcome);
    }
  });
}
