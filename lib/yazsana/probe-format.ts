import "server-only";
import type { ProbeReport } from "./probe";

const VERDICT_LABEL = { ok: "OK", differs: "DIFFERS", failed: "FAILED" } as const;
const CHANGE_LABEL = { missing: "missing", wrong_type: "wrong type", extra: "extra field", absent_optional: "absent (optional)" } as const;
const PAGING_LABEL = { zero: "zero-based (as 1.2.0)", one: "ONE-BASED (as 1.0.0)", unknown: "unknown" } as const;

/** Plain text for a terminal. Holds paths, statuses and field names only: no key, no response values. */
export function formatProbeReport(report: ProbeReport): string {
  const lines = [`Yazsana compatibility probe: ${report.baseUrl}`, ""];
  const pathWidth = Math.max(...report.checks.map((check) => check.path.length), 10);

  for (const check of report.checks) {
    const status = check.status === undefined ? "---" : String(check.status);
    lines.push(
      `${VERDICT_LABEL[check.verdict].padEnd(8)} ${check.method} ${check.path.padEnd(pathWidth)}  ${status}  ${check.operation}: ${check.clientBehaviour}`,
    );
    for (const difference of check.differences) {
      lines.push(`         - ${difference.path}: ${CHANGE_LABEL[difference.change]}; ${difference.detail}`);
    }
  }

  lines.push("", `Paging: ${PAGING_LABEL[report.paging.base]}: ${report.paging.evidence}.`);
  if (!report.checks.some((check) => check.operation === "listSendingMessages")) {
    const sendingsRead = report.checks.some((check) => check.operation === "listSendings" && check.verdict !== "failed");
    lines.push(`Messages of a sending: not checked (${sendingsRead ? "this key has no sending to look into" : "no sending could be read"}).`);
  }
  lines.push("");
  if (report.compatible) {
    lines.push("Result: COMPATIBLE. The portal's client can work with this API.");
  } else {
    lines.push("Result: INCOMPATIBLE.");
    for (const problem of report.problems) lines.push(`  - ${problem}`);
  }
  lines.push("Only read-only operations were called: nothing was sent and no credit was spent.");
  return lines.join("\n");
}
