import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { noteLogContext, runWithLogContext } from "@/lib/log/log-context";
import { createPortalLogger, readLogLevel } from "@/lib/log/logger";
import { maskPhoneNumbers } from "@/lib/log/mask-log-values";
import { rememberSecretForRedaction } from "@/lib/log/redacting-console";

/** A logger writing into an array, one parsed JSON object a line. */
function capturingLogger(level: "info" | "debug" = "info") {
  const raw: string[] = [];
  const logger = createPortalLogger({ destination: { write: (line: string) => void raw.push(line) }, level });
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, raw, lines };
}

describe("phone numbers in free text", () => {
  it("keeps only the last 4 digits, in every way a number is written", () => {
    expect(maskPhoneNumbers("send to 905551234567 failed")).toBe("send to ********4567 failed");
    expect(maskPhoneNumbers("+90 555 123 45 67")).toBe("+** *** *** 45 67");
    expect(maskPhoneNumbers("0555 123 45 67 and (555) 123-4567")).toBe("**** *** 45 67 and (***) ***-4567");
    expect(maskPhoneNumbers("recipients: 905551234567,905559876543")).toBe("recipients: ********4567,********6543");
    expect(maskPhoneNumbers("to=+4915112345678")).toBe("to=+*********5678");
  });

  it("leaves ids, dates, times and short numbers alone", () => {
    const untouched = [
      "workspace 12345678-1234-1234-1234-123456789012",
      `sending ${randomUUID()}`,
      "2026-11-29T11:46:15.123Z",
      "took 1234 ms, status 503, 42 recipients",
      "version 1.2.3, hex 0a1b2c3d4e5f60718293",
      "a run of 1234567890123456789 digits is no phone number",
    ];
    for (const text of untouched) expect(maskPhoneNumbers(text)).toBe(text);
  });
});

describe("the portal logger", () => {
  it("writes one JSON object a line with level, time and message", () => {
    const { logger, raw, lines } = capturingLogger();
    logger.info({ status: 200 }, "request");
    expect(raw).toHaveLength(1);
    expect(raw[0]!.endsWith("\n")).toBe(true);
    expect(lines()[0]).toMatchObject({ level: "info", msg: "request", status: 200, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it("masks phone numbers in messages, nested fields and errors (message and stack)", () => {
    const { logger, raw, lines } = capturingLogger();
    const error = new Error("Yazsana refused 905551234567: not a mobile number");
    logger.warn({ recipient: "0555 123 45 67", chunk: { to: ["905559876543"] }, error }, "send to +90 555 123 45 67 failed");
    const line = lines()[0]!;
    expect(line.msg).toBe("send to +** *** *** 45 67 failed");
    expect(line.recipient).toBe("**** *** 45 67");
    expect(line.chunk).toEqual({ to: ["********6543"] });
    expect(line.error).toMatchObject({ type: "Error", message: "Yazsana refused ********4567: not a mobile number" });
    for (const digits of ["905551234567", "5551234567", "905559876543", "555 123 45"]) expect(raw[0]).not.toContain(digits);
  });

  it("redacts fields named like secrets: passwords, API keys, tokens, cookies", () => {
    const { logger, raw, lines } = capturingLogger();
    logger.info(
      {
        password: "correct horse battery",
        apiKey: "ysk_field_value_1",
        token: "invite-token-value",
        headers: { cookie: "next-auth.session-token=abc", authorization: "Bearer xyz", "x-api-key": "ysk_header_value" },
        form: { currentPassword: "old secret pw", newPassword: "new secret pw" },
      },
      "login",
    );
    const line = lines()[0]!;
    expect(line).toMatchObject({ password: "[redacted]", apiKey: "[redacted]", token: "[redacted]" });
    expect(line.headers).toEqual({ cookie: "[redacted]", authorization: "[redacted]", "x-api-key": "[redacted]" });
    expect(line.form).toEqual({ currentPassword: "[redacted]", newPassword: "[redacted]" });
    for (const secret of ["correct horse", "ysk_field_value_1", "invite-token-value", "session-token=abc", "Bearer xyz", "ysk_header_value", "secret pw"]) {
      expect(raw[0]).not.toContain(secret);
    }
  });

  it("scrubs API keys the process has handled from anywhere in the line, in any encoding", () => {
    const { logger, raw } = capturingLogger();
    const key = `ysk_${randomBytes(18).toString("base64url")}`;
    rememberSecretForRedaction(key);
    logger.error({ detail: `upstream said ${key}`, basic: Buffer.from(`user:${key}`).toString("base64") }, `echoed ${encodeURIComponent(key)}`);
    logger.info(`x-api-key: ysk_never_remembered_value`);
    expect(raw.join("")).not.toContain(key);
    expect(raw.join("")).not.toContain(Buffer.from(key).toString("base64").slice(4, 20));
    expect(raw.join("")).not.toContain("ysk_never_remembered_value");
    expect(raw[0]).toContain("upstream said [redacted]");
    for (const line of raw) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("adds the request id, member, workspace and operation of the surrounding context to every line", async () => {
    const { logger, lines } = capturingLogger();
    const requestId = randomUUID();
    await runWithLogContext({ requestId }, async () => {
      logger.info("before sign-in is known");
      await Promise.resolve();
      noteLogContext({ memberId: "member-1", workspaceId: "workspace-1", operation: "sendSms" });
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.child({ component: "yazsana" }).info({ operation: "sendSingleSms", status: 200 }, "yazsana call");
    });
    logger.info("outside any request");
    const [before, call, outside] = lines();
    expect(before).toMatchObject({ requestId });
    expect(before).not.toHaveProperty("memberId");
    // The line's own fields win over the context's (the upstream operation here).
    expect(call).toMatchObject({ requestId, memberId: "member-1", workspaceId: "workspace-1", component: "yazsana", operation: "sendSingleSms", status: 200 });
    expect(outside).not.toHaveProperty("requestId");
  });

  it("honours LOG_LEVEL, falling back to info", () => {
    expect(readLogLevel({ LOG_LEVEL: "debug" })).toBe("debug");
    expect(readLogLevel({ LOG_LEVEL: " WARN " })).toBe("warn");
    expect(readLogLevel({ LOG_LEVEL: "silent" })).toBe("silent");
    expect(readLogLevel({ LOG_LEVEL: "loud" })).toBe("info");
    expect(readLogLevel({})).toBe("info");
    const { logger, raw } = capturingLogger("info");
    logger.debug("hidden");
    expect(raw).toHaveLength(0);
  });
});
