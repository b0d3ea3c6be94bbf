import { describe, expect, it } from "vitest";
import { readYazsanaConfig } from "@/lib/yazsana/config";
import { translatorFor } from "@/lib/i18n/translator";
import { describeYazsanaError as describeIn } from "@/lib/yazsana/describe-error";
import { errorFromStatus, errorFromTransport, parseRetryAfter } from "@/lib/yazsana/error-mapping";
import { YAZSANA_ERROR_KINDS, YazsanaError, cleanUpstreamMessage } from "@/lib/yazsana/errors";
import { retryDelayMs } from "@/lib/yazsana/retry-policy";

const KEY = "ysk_unit_leak_canary_7f3a9c";
const body = (value: unknown) => JSON.stringify(value);
const describeYazsanaError = (error: YazsanaError) => describeIn(error, translatorFor("en", "yazsana"));
const mapped = (status: number, bodyText = "", retryAfterHeader?: string) =>
  errorFromStatus({ operation: "sendSingleSms", status, bodyText, apiKey: KEY, ...(retryAfterHeader && { retryAfterHeader }) });

describe("mapping upstream answers to error kinds", () => {
  it.each([
    [401, "invalid_key"],
    [403, "forbidden"],
    [404, "not_found"],
    [400, "validation"],
    [422, "validation"],
    [402, "insufficient_credit"],
    [429, "rate_limited"],
    [500, "unavailable"],
    [502, "unavailable"],
    [503, "unavailable"],
  ] as const)("maps HTTP %i to %s", (status, kind) => {
    expect(mapped(status).kind).toBe(kind);
  });

  it("recognises insufficient credit on a 400 by its code or its words", () => {
    expect(mapped(400, body({ success: false, message: "Insufficient credit", code: "INSUFFICIENT_CREDIT" })).kind).toBe("insufficient_credit");
    expect(mapped(422, body({ message: "Not enough balance" })).kind).toBe("insufficient_credit");
    expect(mapped(400, body({ message: "Bad request", code: "INSUFFICIENT_CREDIT" })).kind).toBe("insufficient_credit");
    expect(mapped(400, body({ message: "to: must look like 905xxxxxxxxx" })).kind).toBe("validation");
  });

  it("lets the status win over the body", () => {
    expect(mapped(401, body({ message: "Insufficient credit" })).kind).toBe("invalid_key");
    expect(mapped(503, body({ message: "insufficient capacity" })).kind).toBe("unavailable");
  });

  it("keeps the upstream message, joined, trimmed and capped", () => {
    expect(mapped(400, body({ message: ["to is required", "  message too long "] })).upstreamMessage).toBe("to is required; message too long");
    expect(mapped(400, body({ error: "Bad Request" })).upstreamMessage).toBe("Bad Request");
    expect(mapped(400, "<html>nginx</html>").upstreamMessage).toBeUndefined();
    expect(mapped(400, body({ message: "x".repeat(5000) })).upstreamMessage).toHaveLength(300);
  });

  it("scrubs the key when the upstream echoes it", () => {
    const error = mapped(401, body({ message: `Invalid API key ${KEY}` }));
    expect(error.upstreamMessage).toBe("Invalid API key [redacted]");
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(error.message).not.toContain(KEY);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(mapped(429, "", "3").retryAfterSeconds).toBe(3);
    const now = new Date("2025-01-01T00:00:00Z");
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:42 GMT", now)).toBe(42);
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(mapped(429).retryAfterSeconds).toBeUndefined();
  });

  it("keeps only the code of a transport failure, never the undici error", () => {
    const undiciLike = Object.assign(new Error(`connect ECONNREFUSED (x-api-key: ${KEY})`), {
      code: "ECONNREFUSED",
      headers: { "x-api-key": KEY },
    });
    const error = errorFromTransport("listServices", undiciLike, false);
    expect(error.kind).toBe("unavailable");
    expect(error.cause).toEqual({ name: "Error", code: "ECONNREFUSED" });
    expect(JSON.stringify(error) + String(error.stack) + String(error.cause)).not.toContain(KEY);
    expect(errorFromTransport("listServices", new Error("aborted"), true).kind).toBe("timeout");
    expect(errorFromTransport("listServices", Object.assign(new Error("x"), { code: "UND_ERR_HEADERS_TIMEOUT" }), false).kind).toBe("timeout");
  });
});

describe("cleanUpstreamMessage", () => {
  it("collapses whitespace and drops empty messages", () => {
    expect(cleanUpstreamMessage(" a\n\tb ", KEY)).toBe("a b");
    expect(cleanUpstreamMessage("   ", KEY)).toBeUndefined();
  });
});

describe("describeYazsanaError", () => {
  it("has a specific sentence for every kind, on reads and on sends", () => {
    for (const operation of ["listSendings", "sendBulkSms"] as const) {
      // Turkish too: every kind has its own sentence.
      const turkish = YAZSANA_ERROR_KINDS.map((kind) => describeIn(new YazsanaError({ kind, operation }), translatorFor("tr", "yazsana")));
      expect(new Set(turkish).size).toBe(YAZSANA_ERROR_KINDS.length);
      const sentences = YAZSANA_ERROR_KINDS.map((kind) => describeYazsanaError(new YazsanaError({ kind, operation })));
      expect(new Set(sentences).size).toBe(YAZSANA_ERROR_KINDS.length);
      for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z].+[.)]$/);
    }
  });

  it("names the fix for a rejected key and shows the upstream's validation message", () => {
    expect(describeYazsanaError(mapped(401))).toBe("Yazsana rejected the API key. Ask the workspace owner to check it in Settings → API key.");
    expect(describeYazsanaError(mapped(400, body({ message: "Invalid body: to: must look like 905xxxxxxxxx" })))).toBe(
      "Yazsana refused the request: Invalid body: to: must look like 905xxxxxxxxx",
    );
    expect(describeYazsanaError(mapped(400, body({ code: "INSUFFICIENT_CREDIT" })))).toBe(
      "Not enough credit for this send in the selected context. Top up in Yazsana or pick a context with more credit.",
    );
  });

  it("says when to retry after rate limiting", () => {
    expect(describeYazsanaError(mapped(429, "", "7"))).toBe("Yazsana is rate limiting requests; try again in 7 seconds.");
  });

  it("warns that a send which timed out may have gone through, and that a refused connection sent nothing", () => {
    expect(describeYazsanaError(new YazsanaError({ kind: "timeout", operation: "sendSingleSms" }))).toMatch(/may still have gone through/);
    const refused = new YazsanaError({ kind: "unavailable", operation: "sendSingleSms", cause: { name: "Error", code: "ECONNREFUSED" } });
    expect(describeYazsanaError(refused)).toMatch(/nothing was sent/);
    expect(describeYazsanaError(mapped(502))).toMatch(/may still have gone through/);
  });
});

describe("retry policy", () => {
  const error = (kind: (typeof YAZSANA_ERROR_KINDS)[number], retryAfterSeconds?: number) =>
    new YazsanaError({ kind, operation: "listSendings", ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) });

  it("retries only unavailable, timeout and rate_limited, up to the limit", () => {
    expect(retryDelayMs(error("unavailable"), 0, 2)).not.toBeNull();
    expect(retryDelayMs(error("timeout"), 1, 2)).not.toBeNull();
    expect(retryDelayMs(error("unavailable"), 2, 2)).toBeNull();
    for (const kind of ["invalid_key", "forbidden", "not_found", "validation", "insufficient_credit", "malformed_response"] as const) {
      expect(retryDelayMs(error(kind), 0, 2)).toBeNull();
    }
  });

  it("backs off exponentially with jitter", () => {
    expect(retryDelayMs(error("unavailable"), 0, 5, () => 0)).toBe(100);
    expect(retryDelayMs(error("unavailable"), 0, 5, () => 1)).toBe(200);
    expect(retryDelayMs(error("unavailable"), 2, 5, () => 1)).toBe(800);
    expect(retryDelayMs(error("unavailable"), 4, 5, () => 1)).toBe(2000);
  });

  it("honours a short Retry-After and gives up on a long one", () => {
    expect(retryDelayMs(error("rate_limited", 2), 0, 2)).toBe(2000);
    expect(retryDelayMs(error("rate_limited", 30), 0, 2)).toBeNull();
  });
});

describe("configuration", () => {
  it("requires YAZSANA_API_URL and reads defaults", () => {
    expect(() => readYazsanaConfig({})).toThrow(/YAZSANA_API_URL is not set/);
    expect(readYazsanaConfig({ YAZSANA_API_URL: "http://127.0.0.1:4010/" })).toEqual({
      baseUrl: "http://127.0.0.1:4010",
      timeoutMs: 10_000,
      maxRetries: 2,
      deadlineMs: 10_000,
      maxResponseBytes: 5 * 1024 * 1024,
    });
    expect(
      readYazsanaConfig({
        YAZSANA_API_URL: "https://x.test/api",
        YAZSANA_TIMEOUT_MS: "250",
        YAZSANA_MAX_RETRIES: "0",
        YAZSANA_DEADLINE_MS: "900",
        YAZSANA_MAX_RESPONSE_BYTES: "4096",
      }),
    ).toEqual({ baseUrl: "https://x.test/api", timeoutMs: 250, maxRetries: 0, deadlineMs: 900, maxResponseBytes: 4096 });
    expect(() => readYazsanaConfig({ YAZSANA_API_URL: "http://x.test", YAZSANA_TIMEOUT_MS: "soon" })).toThrow(/YAZSANA_TIMEOUT_MS/);
    expect(() => readYazsanaConfig({ YAZSANA_API_URL: "ftp://x.test" })).toThrow(/http/);
  });
});
