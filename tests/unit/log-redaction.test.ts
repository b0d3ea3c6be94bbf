import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { installLogRedaction, rememberSecretForRedaction } from "@/lib/log/redacting-console";

it("scrubs remembered keys and anything labelled as an API key from every console method", () => {
  const lines: string[] = [];
  const record = (line: unknown) => void lines.push(String(line));
  const sink = { log: record, info: record, warn: record, error: record, debug: record } as unknown as Console;
  installLogRedaction(sink);
  const key = `ysk_${randomBytes(18).toString("base64url")}`;
  rememberSecretForRedaction(key);

  sink.error(new Error(`upstream said ${key}`));
  sink.log("payload %j", { to: "905551234567", key: Buffer.from(key).toString("base64") });
  sink.warn("headers", { "x-api-key": "ysk_never_seen_before_value" });
  sink.info(`retrying with apiKey=${encodeURIComponent(key)}`);

  expect(lines).toHaveLength(4);
  for (const line of lines) {
    expect(line).not.toContain(key);
    expect(line).not.toContain(Buffer.from(key).toString("base64"));
    expect(line).not.toContain("ysk_never_seen_before_value");
  }
  expect(lines[0]).toContain("upstream said [redacted]");
  expect(lines[2]).toContain("[redacted]");
});

it("describes errors for logs by name, code and a bounded message", async () => {
  const { describeErrorForLog } = await import("@/lib/log/describe-error-for-log");
  const error = Object.assign(new Error(`query failed\n  with args ${"x".repeat(500)}`), { code: "P2002" });
  const line = describeErrorForLog(error);
  expect(line.startsWith("Error [P2002]: query failed with args")).toBe(true);
  expect(line.length).toBeLessThan(240);
  expect(describeErrorForLog("oops")).toBe("non-error thrown (string)");
});
