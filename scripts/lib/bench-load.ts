import { setMaxListeners } from "node:events";
import { Agent, request, type Dispatcher } from "undici";
import { processCpuMs } from "./process-cpu";

/** One request the benchmark repeats, and what its answer must hold to count. */
export type Probe = {
  /** The scenario's name in the report (`reports`, `send-single`…). */
  scenario: string;
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A fresh body (and its extra headers) for each request, e.g. a form with a new idempotency key. */
  body?: () => { body: Dispatcher.DispatchOptions["body"]; headers?: Record<string, string> };
  /**
   * Texts every answer must contain. A streamed page answers 200 before its
   * Suspense parts resolve, so the status alone can't tell a rendered table
   * from an error message in its place.
   */
  mustContain: string[];
  /** The server process whose CPU time the row reports (with its children). */
  serverPid: number | undefined;
};

export type Load = { requests: number; concurrency: number; signal: AbortSignal };

/** Latency of each request (ms, until the whole body arrived), the wall time of the batch and the server's CPU time. */
export type Measurement = { samplesMs: number[]; wallMs: number; cpuMs: number | undefined };

/** A wrong answer: the run must stop, since its figures would measure something else. */
export class BenchFailure extends Error {}

/** Keep-alive sockets shared by every request of the run, like a browser's. */
export function benchDispatcher(): Agent {
  return new Agent({ keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000, connections: 256 });
}

async function timedRequest(dispatcher: Agent, probe: Probe, signal: AbortSignal): Promise<number> {
  const fresh = probe.body?.();
  const started = performance.now();
  const response = await request(probe.url, {
    method: probe.method ?? "GET",
    headers: { ...probe.headers, ...fresh?.headers },
    body: fresh?.body,
    dispatcher,
    signal,
  });
  const body = await response.body.text();
  const elapsed = performance.now() - started;
  const what = `${probe.scenario}: ${probe.method ?? "GET"} ${probe.url}`;
  if (response.statusCode !== 200) {
    const location = response.headers.location ? ` (redirect to ${String(response.headers.location)})` : "";
    throw new BenchFailure(`${what} answered ${response.statusCode}${location}, expected 200; first 300 characters: ${body.slice(0, 300)}`);
  }
  const missing = probe.mustContain.find((text) => !body.includes(text));
  if (missing !== undefined) {
    const around = body.length > 600 ? `${body.slice(0, 300)} … ${body.slice(-300)}` : body;
    throw new BenchFailure(`${what} answered 200 without ${JSON.stringify(missing)}: ${around}`);
  }
  return elapsed;
}

/**
 * Sends `requests` requests with `concurrency` in flight at a time. The first
 * wrong answer cancels the rest and rejects with it.
 */
export async function measure(dispatcher: Agent, probe: Probe, { requests, concurrency, signal }: Load): Promise<Measurement> {
  const failed = new AbortController();
  const stop = AbortSignal.any([signal, failed.signal]);
  // Every request in flight listens to it (undici adds more than one listener each).
  setMaxListeners(Math.max(10, 3 * concurrency), stop);
  const samplesMs: number[] = [];
  let issued = 0;
  const worker = async () => {
    while (issued < requests) {
      if (stop.aborted) throw stop.reason;
      issued += 1;
      try {
        samplesMs.push(await timedRequest(dispatcher, probe, stop));
      } catch (error) {
        failed.abort(error);
        throw error;
      }
    }
  };
  const cpuBefore = processCpuMs(probe.serverPid);
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  const wallMs = performance.now() - started;
  const cpuAfter = processCpuMs(probe.serverPid);
  return { samplesMs, wallMs, cpuMs: cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined };
}

/** One row of `--out`: exactly the fields the issue names. */
export type ResultRow = {
  scenario: string;
  concurrency: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  rps: number;
  cpu_ms_per_request: number;
};

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const round = (value: number, decimals = 2) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function summarize(scenario: string, { samplesMs, wallMs, cpuMs }: Measurement, concurrency: number): ResultRow {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    scenario,
    concurrency,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    rps: round(sorted.length / (wallMs / 1000), 1),
    // /proc counts in clock ticks (10 ms): meaningful over hundreds of requests, not a handful.
    cpu_ms_per_request: cpuMs === undefined ? Number.NaN : round(cpuMs / sorted.length, 3),
  };
}
