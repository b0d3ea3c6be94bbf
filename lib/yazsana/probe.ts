import "server-only";
import type { z } from "zod";
import { DEFAULT_MAX_RESPONSE_BYTES, type YazsanaConfig } from "./config";
import { errorFromStatus } from "./error-mapping";
import { YazsanaError } from "./errors";
import { compareWithSchema, type FieldDifference } from "./probe-differences";
import { detectPageBase, type PagingFinding } from "./probe-paging";
import { yazsanaRoutes, type YazsanaOperation } from "./routes";
import { responses } from "./schemas";
import { sendYazsanaRequest, type YazsanaContext } from "./transport";

export type ProbeVerdict = "ok" | "differs" | "failed";

export type ProbeCheck = {
  operation: YazsanaOperation;
  method: "GET";
  /** Route template and query as requested, relative to the base URL. */
  path: string;
  status?: number;
  verdict: ProbeVerdict;
  differences: FieldDifference[];
  /** What the portal's client would do with this answer. */
  clientBehaviour: string;
};

/** A check plus the parsed body, which paging detection reads and the report leaves out. */
type ProbeAnswer = { check: ProbeCheck; body?: unknown };

export type ProbeReport = {
  baseUrl: string;
  compatible: boolean;
  paging: PagingFinding;
  checks: ProbeCheck[];
  /** Why the report is incompatible, one line each. */
  problems: string[];
};

export type ProbeOptions = { baseUrl: string; apiKey: string; timeoutMs?: number };

/**
 * Calls every read-only operation once (sendings twice, to learn the page base)
 * and compares each raw answer with our schemas. Never sends an SMS, so it
 * never spends credit.
 */
export async function probeYazsana(options: ProbeOptions): Promise<ProbeReport> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const config: YazsanaConfig = {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    timeoutMs,
    maxRetries: 0,
    deadlineMs: timeoutMs,
    maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  };
  const context: YazsanaContext = { apiKey: options.apiKey };
  const probe = (operation: YazsanaOperation, query?: Record<string, string>, pathParams?: Record<string, string>) =>
    probeOperation(config, context, operation, responses[operation], query, pathParams);

  const checks: ProbeCheck[] = [];
  for (const operation of ["getCurrentUser", "listOrganizations", "listServices"] as const) checks.push((await probe(operation)).check);
  const firstPage = await probe("listSendings", { page: "0", limit: "1" });
  const secondPage = await probe("listSendings", { page: "1", limit: "1" });
  checks.push(firstPage.check, secondPage.check);

  const paging = detectPageBase(
    { status: firstPage.check.status, body: firstPage.body },
    { status: secondPage.check.status, body: secondPage.body },
  );
  const sendingId = firstItemId(paging.base === "one" ? secondPage.body : firstPage.body);
  if (sendingId) {
    const page = paging.base === "one" ? "1" : "0";
    checks.push((await probe("listSendingMessages", { page, limit: "1" }, { id: sendingId })).check);
  }

  const problems = checks.filter((check) => check.verdict === "failed").map((check) => `${check.method} ${check.path}: ${check.clientBehaviour}`);
  if (paging.base === "one") problems.push("Pages are one-based: the client asks for page 0 first and would show wrong or missing pages.");
  return { baseUrl: config.baseUrl, compatible: problems.length === 0, paging, checks, problems };
}

async function probeOperation(
  config: YazsanaConfig,
  context: YazsanaContext,
  operation: YazsanaOperation,
  schema: z.ZodType,
  query: Record<string, string> | undefined,
  pathParams: Record<string, string> | undefined,
): Promise<ProbeAnswer> {
  const search = new URLSearchParams(query);
  // The route template, not the filled path: the report stays short and names no sending.
  const path = `${yazsanaRoutes[operation].path}${search.size ? `?${search}` : ""}`;
  const base = { operation, method: yazsanaRoutes[operation].method as "GET", path };
  let response;
  try {
    response = await sendYazsanaRequest(config, context, { operation, query: search, ...(pathParams && { pathParams }) });
  } catch (error) {
    if (!(error instanceof YazsanaError)) throw error;
    const code = error.cause?.code ? ` (${error.cause.code})` : "";
    return { check: { ...base, verdict: "failed", differences: [], clientBehaviour: `would fail: ${error.kind}${code}` } };
  }
  const { status } = response;
  if (status < 200 || status >= 300) {
    const error = errorFromStatus({ operation, status, bodyText: response.bodyText, apiKey: context.apiKey });
    const said = error.upstreamMessage ? `: "${error.upstreamMessage}"` : "";
    return { check: { ...base, status, verdict: "failed", differences: [], clientBehaviour: `would fail: ${error.kind}${said}` } };
  }
  let body: unknown;
  try {
    body = JSON.parse(response.bodyText);
  } catch {
    return { check: { ...base, status, verdict: "failed", differences: [], clientBehaviour: "would fail: malformed_response (body is not JSON)" } };
  }
  const { parses, differences } = compareWithSchema(schema, body);
  return { check: { ...base, status, differences, ...judge(parses, differences) }, body };
}

function judge(parses: boolean, differences: FieldDifference[]): { verdict: ProbeVerdict; clientBehaviour: string } {
  if (!parses) return { verdict: "failed", clientBehaviour: "would fail: malformed_response" };
  if (differences.length === 0) return { verdict: "ok", clientBehaviour: "parses as is" };
  const behaviours = [];
  if (differences.some((difference) => difference.change === "extra")) behaviours.push("extra fields kept");
  if (differences.some((difference) => difference.change === "absent_optional")) behaviours.push("optional fields left empty");
  return { verdict: "differs", clientBehaviour: behaviours.join("; ") };
}

function firstItemId(body: unknown): string | undefined {
  const id = (body as { data?: { items?: { id?: unknown }[] } } | undefined)?.data?.items?.[0]?.id;
  return typeof id === "string" ? id : undefined;
}
