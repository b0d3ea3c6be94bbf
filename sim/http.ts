import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";

/** Big enough for a 100k-number bulk send (~1.5 MB) with a wide margin. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** An answer other than success; `code` is machine-readable for the client's error mapping. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = "VALIDATION_ERROR") => new SimError(400, code, message);
export const forbidden = (message: string) => new SimError(403, "FORBIDDEN", message);
export const notFound = (message = "Not found") => new SimError(404, "NOT_FOUND", message);

/** "to: must look like 905xxxxxxxxx; message: at most 160 characters" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** Parses `value` with `schema`, turning a failure into a 400 that names each field. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(`Invalid ${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest("Request body must be valid JSON");
  }
}

/** Reads the whole body as text; rejects with a 413 past the limit. */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new SimError(413, "PAYLOAD_TOO_LARGE", `Request body is larger than ${limit} bytes`));
        request.removeAllListeners("data");
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (response.headersSent || response.destroyed) return;
  const text = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, {
    ...(text ? { "content-type": "application/json; charset=utf-8" } : {}),
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

export function sendError(response: ServerResponse, error: SimError) {
  sendJson(response, error.status, { success: false, message: error.message, code: error.code }, error.headers);
}
