import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { installLogRedaction, rememberSecretForRedaction } from "@/lib/log/redacting-console";

it("scrubs remembered keys and anything labelled as an API key from every console method, and masks phone numbers", () => {
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
  expect(lines[1]).toContain("********4567");
  expect(lines[1]).not.toContain("905551234567");
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

it("scrubs every key the form accepts, down to the shortest (one minimum for both)", async () => {
  const { apiKeyInput, MIN_API_KEY_LENGTH } = await import("@/lib/api-key/api-key-input");
  const shortest = `k${randomBytes(8).toString("hex")}`.slice(0, MIN_API_KEY_LENGTH);
  expect(apiKeyInput.safeParse({ apiKey: shortest }).success).toBe(true);
  expect(apiKeyInput.safeParse({ apiKey: shortest.slice(1) }).success).toBe(false);

  const lines: string[] = [];
  const record = (line: unknown) => void lines.push(String(line));
  const sink = { log: record, info: record, warn: record, error: record, debug: record } as unknown as Console;
  installLogRedaction(sink);
  for (const key of [shortest, `${shortest}abcdefg`]) {
    rememberSecretForRedaction(key);
    sink.error(`upstream refused ${key} (hex ${Buffer.from(key).toString("hex")})`);
    expect(lines.at(-1)).toBe("upstream refused [redacted] (hex [redacted])");
  }
});

it("compiles the scrub patterns once, rebuilding them only when the set of keys changes", async () => {
  const { redactionPatterns } = await import("@/lib/log/redacting-console");
  const newKey = () => `ysk_${randomBytes(18).toString("base64url")}`;
  const key = newKey();
  rememberSecretForRedaction(key);
  const [settled, recent] = redactionPatterns();
  expect(redactionPatterns()).toEqual([settled, recent]);
  expect(redactionPatterns()[0]).toBe(settled);
  rememberSecretForRedaction(key); // already known: nothing to rebuild
  expect(redactionPatterns()[0]).toBe(settled);
  expect(redactionPatterns()[1]).toBe(recent);

  // A new key joins the small recent pattern; the full one is rebuilt only
  // once enough keys are waiting, and then holds them all.
  const added = [newKey()];
  rememberSecretForRedaction(added[0]!);
  const [settledAfterOne, recentAfterOne] = redactionPatterns();
  expect(settledAfterOne).toBe(settled);
  expect(recentAfterOne).not.toBe(recent);
  expect("x".replace(recentAfterOne!, "")).toBe("x");
  for (let i = 0; i < 20; i++) {
    added.push(newKey());
    rememberSecretForRedaction(added.at(-1)!);
  }
  const [rebuilt] = redactionPatterns();
  expect(rebuilt).not.toBe(settled);
  const { redactLogText } = await import("@/lib/log/redacting-console");
  for (const each of [key, ...added]) expect(redactLogText(`key ${each}`)).toBe("key [redacted]");
});
