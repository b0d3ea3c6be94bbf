import "server-only";
import { isYazsanaError, type YazsanaErrorKind } from "@/lib/yazsana";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { getWorkspaceContext } from "@/lib/workspaces/workspace-context";
import { csvFileName, csvHeaders, csvStream } from "./csv";
import { toReportError } from "./report-error";
import { describeReportsDenial, reportsAccess, type ReportsAccess } from "./reports-access";
import { componentLogger } from "@/lib/log/logger";

/**
 * The CSV routes' guard: the same check as the pages, answered as 401 / 403
 * instead of a redirect, with `message` in the reader's language for the plain-text answer.
 */
export async function reportsAccessForRequest(): Promise<ReportsAccess> {
  const context = await getWorkspaceContext();
  if (!context && (await getCurrentUser())) {
    return { allowed: false, reason: "forbidden", status: 403, message: (await getServerTranslations("reportExports"))("noWorkspace") };
  }
  const access = await reportsAccess(context);
  return access.allowed ? access : { ...access, message: describeReportsDenial(access, await getServerTranslations("reports")) };
}

export function plainResponse(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

const STATUS_BY_KIND: Partial<Record<YazsanaErrorKind, number>> = { rate_limited: 429, timeout: 504, unavailable: 503, not_found: 404 };

/**
 * Streams `rows` as a CSV download. The first row is awaited before answering,
 * so an upstream failure at the start is a clear error status and message
 * rather than a file that is silently empty; a failure later cuts the
 * download off (the browser reports it failed) instead of ending it as if
 * complete.
 */
export async function csvDownload(name: string, date: string, header: string[], rows: AsyncGenerator<string[]>): Promise<Response> {
  let first: IteratorResult<string[]>;
  try {
    first = await rows.next();
  } catch (error) {
    if (!isYazsanaError(error)) throw error;
    const reportError = await toReportError(error);
    return plainResponse(STATUS_BY_KIND[reportError.kind] ?? 502, reportError.message);
  }
  async function* all(): AsyncGenerator<string[]> {
    if (first.done) return;
    yield first.value;
    yield* rows;
  }
  const stream = csvStream(header, all(), (error) => {
    componentLogger("reports").error({ export: name, error: isYazsanaError(error) ? error.message : "unexpected error" }, "CSV export stopped");
  });
  return new Response(stream, { status: 200, headers: csvHeaders(csvFileName(name, date)) });
}
