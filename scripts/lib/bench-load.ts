import { setMaxListeners } from "node:events";
import { Agent, request } from "undici";

/** One GET the benchmark repeats, and what its answer must hold to count. */
export type Probe = {
  label: string;
  url: string;
  headers?: Record<string, string>;
  /**
   * Texts every answer must contain. A streamed page answers 200 before its
   * Suspense parts resolve, so the status alone can't tell a rendered table
   * from an error message in its place.
   */
  mustContain: string[];
};

export type Load = { requests: number; concurrency: number; signal: AbortSignal };

/** Latency of each request (ms, until the whole body arrived) and the wall time of the batch. */
export type Measurement = { samplesMs: number[]; wallMs: number };

/** A wrong answer: the run must stop, since its figures would measure something else. */
export class BenchFailure extends Error {}

/** Keep-alive sockets shared by every request of the run, like a browser's. */
export function benchDispatcher(): Agent {
  return new Agent({ keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000 });
}

async function timedGet(dispatcher: Agent, probe: Probe, signal: AbortSignal): Promise<number> {
  const started = performance.now();
  const response = await request(probe.url, { headers: probe.headers, dispatcher, signal });
  const body = await response.body.text();
  const elapsed = performance.now() - started;
  if (response.statusCode !== 200) {
    const location = response.headers.location ? ` (redirect to ${String(response.headers.location)})` : "";
    throw new BenchFailure(`${probe.label}: GET ${probe.url} answered ${response.statusCode}${location}, expected 200.`);
  }
  const missing = probe.mustContain.find((text) => !body.includes(text));
  if (missing !== undefined) {
    throw new BenchFailure(`${probe.label}: GET ${probe.url} answered 200 without ${JSON.stringify(missing)}; first 300 characters: ${body.slice(0, 300)}`);
  }
  return elapsed;
}

/**
 * Sends `requests` GETs with `concurrency` in flight at a time. The first wrong
 * answer cancels the rest and rejects with it.
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
        samplesMs.push(await timedGet(dispatcher, probe, stop));
      } catch (error) {
        failed.abort(error);
        throw error;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  return { samplesMs, wallMs: performance.now() - started };
}

export type Summary = { requests: number; concurrency: number; p50Ms: number; p95Ms: number; p99Ms: number; throughputPerSecond: number };

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (value: number, decimals = 2) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function summarize({ samplesMs, wallMs }: Measurement, concurrency: number): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    concurrency,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    throughputPerSecond: round(sorted.length / (wallMs / 1000), 1),
  };
}
