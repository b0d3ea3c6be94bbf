import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BulkReviewTiming } from "./bench-bulk-review";
import type { CampaignThroughput } from "./bench-campaign";
import type { CsvExportTiming } from "./bench-csv-export";
import type { FirstLoadJs } from "./bench-first-load-js";
import { round, type ResultRow } from "./bench-load";
import { PROJECT_ROOT } from "./local-env";
import type { LargeSendingTiming } from "./bench-sim-large";

/**
 * How long the server is left without requests before its settled RSS is read.
 * V8 gives back the pages garbage took only when allocation stops (its memory
 * reducer): ~40 s after a burst on the build machine.
 */
export const SETTLE_SECONDS = 60;

/** What `--out` holds: exactly the shape issue #12 asks for. */
export type BenchOutput = {
  results: ResultRow[];
  memory: {
    server_rss_mb_before: number | null;
    server_rss_mb_after: number | null;
    server_peak_rss_mb: number | null;
    /** After SETTLE_SECONDS with no requests: what V8 keeps once it has given back the pages garbage held. */
    server_rss_mb_settled: number | null;
    bare_rss_mb_after: number | null;
    csv_export_heap_growth_mb: number | null;
    bulk_review_peak_rss_growth_mb: Record<string, number>;
  };
};

/** Everything else a run measured, written beside it (test-results/bench.json) and printed. */
export type BenchDetails = {
  measuredAt: string;
  /** The checked-out commit, "+changes" when the working tree differs from it. */
  revision: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; loadAverage: number[] };
  settings: { warmupRequests: number; requests: number; concurrencies: number[]; large: number };
  /** p50 of each block of 250 warm-up requests of the first `reports` row: where the curve flattens. */
  warmupCurve: Array<{ after: number; p50_ms: number }>;
  firstLoadJs: FirstLoadJs[];
  csvExport?: CsvExportTiming;
  campaign?: CampaignThroughput;
  bulkReview: BulkReviewTiming[];
  simulatorLargeSending: LargeSendingTiming[];
};

export function describeMachine(): BenchDetails["machine"] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((load) => round(load, 1)),
  };
}

export function describeRevision(): string {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain") ? "+changes" : ""}`;
  } catch {
    return "unknown";
  }
}

const HEADINGS = ["scenario", "conc", "p50 ms", "p95 ms", "p99 ms", "req/s", "CPU ms/req"];

function table(rows: string[][]): string {
  const widths = HEADINGS.map((_, column) => Math.max(...[HEADINGS, ...rows].map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [HEADINGS, ...rows].map(line).join("\n");
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

export function formatRow(row: ResultRow): string[] {
  return [row.scenario, String(row.concurrency), fixed(row.p50_ms, 1), fixed(row.p95_ms, 1), fixed(row.p99_ms, 1), fixed(row.rps, 0), fixed(row.cpu_ms_per_request, 2)];
}

/** The targets, each read against the `bare` rows of the same run. */
export function judgeTargets(output: BenchOutput, details: BenchDetails): string[] {
  const find = (scenario: string, concurrency: number) => output.results.find((row) => row.scenario === scenario && row.concurrency === concurrency);
  const lines: string[] = [];
  const verdict = (met: boolean | undefined, text: string) => lines.push(`  ${met === undefined ? "n/a " : met ? "met " : "MISS"}  ${text}`);
  const [bare1, reports1, bare8, reports8] = [find("bare", 1), find("reports", 1), find("bare", 8), find("reports", 8)];
  if (bare1 && reports1) {
    verdict(reports1.p50_ms - bare1.p50_ms <= 1.5, `reports p50 at 1 ≤ bare + 1.5 ms: ${reports1.p50_ms} vs ${bare1.p50_ms} (+${round(reports1.p50_ms - bare1.p50_ms)} ms)`);
    verdict(reports1.p99_ms - bare1.p99_ms <= 5, `reports p99 at 1 ≤ bare + 5 ms: ${reports1.p99_ms} vs ${bare1.p99_ms} (+${round(reports1.p99_ms - bare1.p99_ms)} ms)`);
    verdict(reports1.cpu_ms_per_request <= 1.5 * bare1.cpu_ms_per_request, `reports CPU/request ≤ 1.5× bare: ${reports1.cpu_ms_per_request} vs ${bare1.cpu_ms_per_request} ms (${round(reports1.cpu_ms_per_request / bare1.cpu_ms_per_request)}×)`);
  }
  if (bare8 && reports8) verdict(reports8.rps >= 0.75 * bare8.rps, `reports req/s at 8 ≥ 75% of bare: ${reports8.rps} vs ${bare8.rps} (${Math.round((100 * reports8.rps) / bare8.rps)}%)`);
  const slow = find("reports-latency-100ms", 32);
  if (slow) verdict(slow.rps >= 0.9 * (32 / 0.1), `reports req/s with 100 ms upstream at 32 ≥ 90% of 320: ${slow.rps} (${Math.round((100 * slow.rps) / 320)}%)`);
  const [small, large] = [find("reports-10-sendings", 1), find(`reports-${details.settings.large}-sendings`, 1)];
  if (small && large) verdict(large.p50_ms <= small.p50_ms * 1.2, `reports p50 flat (±20%) from 10 to ${details.settings.large.toLocaleString("en")} sendings: ${small.p50_ms} → ${large.p50_ms} ms`);
  if (details.csvExport) verdict(details.csvExport.heapGrowthMb < 64, `CSV export of ${details.csvExport.messages.toLocaleString("en")} messages: heap growth ${details.csvExport.heapGrowthMb} MB < 64 MB`);
  const review = details.bulkReview.find((timing) => timing.lines === 100_000);
  if (review) verdict(review.ms < 2000 && review.peakExtraMb < 200, `bulk review of 100,000 numbers < 2 s and < 200 MB: ${review.ms} ms, +${review.peakExtraMb} MB`);
  const js = (page: string) => details.firstLoadJs.find((entry) => entry.page === page);
  const reportsJs = js("/reports");
  if (reportsJs) verdict(reportsJs.gzipBytes < 120_000, `first-load JS of /reports < 120 kB gzip: ${(reportsJs.gzipBytes / 1000).toFixed(1)} kB`);
  const sendJs = js("/send");
  if (sendJs) verdict(sendJs.gzipBytes < 150_000, `first-load JS of /send < 150 kB gzip: ${(sendJs.gzipBytes / 1000).toFixed(1)} kB`);
  const { server_rss_mb_after: rss, server_rss_mb_settled: settled } = output.memory;
  if (settled !== null) verdict(settled < 300, `server RSS after the run < 300 MB: ${settled} MB once idle ${SETTLE_SECONDS} s (${rss} MB right after the last row)`);
  return lines;
}

export function formatReport(output: BenchOutput, details: BenchDetails): string {
  const { machine, settings } = details;
  const lines = [
    `Yazsana Portal benchmark, ${details.measuredAt}, commit ${details.revision}`,
    `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, load average ${machine.loadAverage.join(" ")}; client, apps, simulator and PostgreSQL share them.`,
    `Each row: ${settings.warmupRequests} warm-up, then ${settings.requests} measured requests over keep-alive loopback; CPU is the serving process's (/proc).`,
    "",
    table(output.results.map(formatRow)),
    "",
    `Warm-up of the first reports row (p50 per 250 requests): ${details.warmupCurve.map((point) => point.p50_ms).join(", ")} ms`,
    `next start RSS: ${output.memory.server_rss_mb_before} MB before, ${output.memory.server_rss_mb_after} MB right after the last row, ${output.memory.server_rss_mb_settled} MB after ${SETTLE_SECONDS} s idle (peak ${output.memory.server_peak_rss_mb} MB); bare app after: ${output.memory.bare_rss_mb_after} MB`,
  ];
  if (details.firstLoadJs.length) {
    lines.push("", "First-load JavaScript (gzip):");
    for (const entry of details.firstLoadJs) lines.push(`  ${entry.page.padEnd(22)} ${(entry.gzipBytes / 1000).toFixed(1).padStart(7)} kB  (${entry.scripts} scripts)`);
  }
  if (details.csvExport) lines.push("", `CSV export of ${details.csvExport.messages.toLocaleString("en")} messages: ${details.csvExport.ms} ms, live heap +${details.csvExport.heapGrowthMb} MB`);
  if (details.campaign) {
    const { recipients, chunks, ms, recipientsPerSecond } = details.campaign;
    lines.push(`Campaign of ${recipients.toLocaleString("en")} recipients (${chunks} chunks): ${ms} ms from confirming to completed, ${recipientsPerSecond} recipients/s`);
  }
  if (details.bulkReview.length) {
    lines.push("", "Bulk review of a CSV upload (streamed, normalised, deduplicated; one run each):");
    for (const timing of details.bulkReview) {
      lines.push(`  ${timing.lines.toLocaleString("en").padStart(7)} lines (${timing.fileMb} MB): ${timing.ms.toFixed(0).padStart(6)} ms, peak +${timing.peakExtraMb} MB RSS`);
    }
  }
  if (details.simulatorLargeSending.length) {
    const width = Math.max(...details.simulatorLargeSending.map((timing) => timing.label.length));
    lines.push("", "Simulator alone with a 100k-message sending (one run each):");
    for (const { label, ms } of details.simulatorLargeSending) lines.push(`  ${label.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms`);
  }
  lines.push("", "Targets of issue #12 (against bare in this run):", ...judgeTargets(output, details));
  return lines.join("\n");
}

export function writeJson(value: unknown, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // NaN (a CPU figure /proc could not give) becomes null.
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
