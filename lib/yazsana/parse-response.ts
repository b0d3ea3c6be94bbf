import "server-only";
import type { z } from "zod";
import { YazsanaError } from "./errors";
import type { YazsanaOperation } from "./routes";

const MAX_ISSUES = 10;

/**
 * Reads a 2xx body with the operation's schema. Anything unexpected becomes a
 * malformed_response carrying field paths only, so a log line says what
 * changed upstream without copying response values (or a raw zod dump) around.
 */
export function parseYazsanaResponse<T>(operation: YazsanaOperation, status: number, bodyText: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    throw new YazsanaError({ operation, kind: "malformed_response", status, issues: ["body is not JSON"] });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new YazsanaError({ operation, kind: "malformed_response", status, issues: describeIssues(parsed.error.issues) });
  }
  return parsed.data;
}

/** "data.items.0.stats.totalCost: must be a decimal string" — paths and expectations, never values. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines = issues.slice(0, MAX_ISSUES).map((issue) => `${issuePath(issue.path)}: ${issue.message}`);
  if (issues.length > MAX_ISSUES) lines.push(`…and ${issues.length - MAX_ISSUES} more`);
  return lines;
}

export function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}
