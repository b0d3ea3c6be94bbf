import type { BulkReviewTiming } from "./bench-bulk-review";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Summary } from "./bench-load";
import { PROJECT_ROOT } from "./local-env";
import type { LargeSendingTiming } from "./bench-sim-large";
import type { ProcessMemory } from "./process-memory";

export type ScenarioResult = Summary & { target: "simulator" | "portal"; path: string };

export type DashboardOverhead = { concurrency: number; baselineP50Ms: number; dashboardP50Ms: number; differenceMs: number; ratio: number };

export type BenchReport = {
  measuredAt: string;
  /** The checked-out commit, "+changes" when the working tree differs from it. */
  revision: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  settings: { warmupRequests: number; requests: number; concurrencies: number[] };
  scenarios: ScenarioResult[];
  dashboardOverhead: DashboardOverhead[];
  /** The `next start` process, after login and before the first warm-up, then after the last row. */
  appMemory: { before?: ProcessMemory; after?: ProcessMemory };
  /** The simulator alone (in this process) with a 100k-message sending. */
  simulatorLargeSending: LargeSendingTiming[];
  /** Parsing, validating and deduplicating uploads for the bulk Review (in this process). */
  bulkReview: BulkReviewTiming[];
};

export function describeMachine(): BenchReport["machine"] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
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

/** Dashboard p50 against the direct simulator call of the same concurrency. */
export function dashboardOverhead(scenarios: ScenarioResult[]): DashboardOverhead[] {
  const find = (target: ScenarioResult["target"], route: string, concurrency: number) =>
    scenarios.find((s) => s.target === target && s.path === route && s.concurrency === concurrency);
  return [...new Set(scenarios.map((s) => s.concurrency))].flatMap((concurrency) => {
    const baseline = find("simulator", "/users/me/organizations", concurrency);
    const dashboard = find("portal", "/dashboard", concurrency);
    if (!baseline || !dashboard) return [];
    return [{
      concurrency,
      baselineP50Ms: baseline.p50Ms,
      dashboardP50Ms: dashboard.p50Ms,
      differenceMs: Math.round((dashboard.p50Ms - baseline.p50Ms) * 100) / 100,
      ratio: Math.round((dashboard.p50Ms / baseline.p50Ms) * 10) / 10,
    }];
  });
}

const HEADINGS = ["", "conc", "p50 ms", "p95 ms", "p99 ms", "req/s"];

function row(scenario: ScenarioResult): string[] {
  return [
    `${scenario.target.padEnd(9)} GET ${scenario.path}`,
    String(scenario.concurrency),
    scenario.p50Ms.toFixed(1),
    scenario.p95Ms.toFixed(1),
    scenario.p99Ms.toFixed(1),
    scenario.throughputPerSecond.toFixed(0),
  ];
}

function table(rows: string[][]): string {
  const widths = HEADINGS.map((_, column) => Math.max(...[HEADINGS, ...rows].map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [HEADINGS, ...rows].map(line).join("\n");
}

export function formatReport(report: BenchReport): string {
  const { machine, settings } = report;
  const lines = [
    `Yazsana Portal benchmark, ${report.measuredAt}, commit ${report.revision}`,
    `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}; client, app, simulator and PostgreSQL share them.`,
    `Each row: ${settings.warmupRequests} warm-up, then ${settings.requests} measured GETs over keep-alive loopback; simulator without added latency.`,
    "",
    table(report.scenarios.map(row)),
    "",
    "Dashboard over the direct simulator call (p50):",
    ...report.dashboardOverhead.map(
      (o) => `  concurrency ${o.concurrency}: ${o.dashboardP50Ms.toFixed(1)} ms vs ${o.baselineP50Ms.toFixed(1)} ms = +${o.differenceMs.toFixed(1)} ms (${o.ratio}×)`,
    ),
  ];
  const { before, after } = report.appMemory;
  if (before && after) lines.push(`next start RSS: ${before.rssMb} MB before, ${after.rssMb} MB after (peak ${after.peakRssMb} MB)`);
  if (report.simulatorLargeSending.length) {
    const width = Math.max(...report.simulatorLargeSending.map((timing) => timing.label.length));
    lines.push("", "Simulator with a 100k-message sending (one run each):");
    for (const { label, ms } of report.simulatorLargeSending) lines.push(`  ${label.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms`);
  }
  if (report.bulkReview.length) {
    lines.push("", "Bulk review of a CSV upload (streamed, normalised, deduplicated; one run each):");
    for (const timing of report.bulkReview) {
      lines.push(
        `  ${timing.lines.toLocaleString("en").padStart(7)} lines (${timing.fileMb} MB): ${timing.ms.toFixed(0).padStart(6)} ms, peak +${timing.peakExtraMb} MB RSS` +
          ` — ${timing.valid} valid, ${timing.duplicates} duplicates, ${timing.invalid} invalid`,
      );
    }
  }
  return lines.join("\n");
}

export function writeReport(report: BenchReport, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
