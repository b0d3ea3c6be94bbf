import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAccount } from "@/lib/auth/create-account";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { consumeRateLimit, resetRateLimit, tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import { deleteExpiredRateLimits } from "@/lib/rate-limit/limiter-store";
import { rateLimitRules } from "@/lib/rate-limit/rate-limit-rules";

const PASSWORD = "correct horse battery";
let counter = 0;
const uniqueEmail = () => `limited${++counter}-${Date.now()}@example.com`;

async function newAccount() {
  const email = uniqueEmail();
  const result = await createAccount({ name: "Deniz", email, password: PASSWORD, workspaceName: "Acme" });
  if (!result.ok) throw new Error("account not created");
  return email;
}

describe("login lockout", () => {
  const failures = rateLimitRules().loginFailuresByEmailAndIp.points;

  it("locks out the address that guessed, not the account's owner elsewhere", async () => {
    const email = await newAccount();
    for (let attempt = 0; attempt < failures; attempt++) {
      expect(await verifyCredentials({ email, password: "wrong password!" }, "203.0.113.9")).toEqual({ ok: false, reason: "invalid" });
    }
    const attacker = await verifyCredentials({ email, password: PASSWORD }, "203.0.113.9");
    expect(attacker).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!attacker.ok && attacker.reason === "rate_limited") {
      expect(attacker.retryAfterSeconds).toBeGreaterThan(0);
      expect(attacker.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    expect(await verifyCredentials({ email, password: PASSWORD }, "198.51.100.4")).toMatchObject({ ok: true });
  });

  it("a successful login clears the address's failures for that account", async () => {
    const email = await newAccount();
    for (let attempt = 0; attempt < failures - 1; attempt++) await verifyCredentials({ email, password: "wrong password!" }, "192.0.2.1");
    expect(await verifyCredentials({ email, password: PASSWORD }, "192.0.2.1")).toMatchObject({ ok: true });
    for (let attempt = 0; attempt < failures - 1; attempt++) await verifyCredentials({ email, password: "wrong password!" }, "192.0.2.1");
    expect(await verifyCredentials({ email, password: PASSWORD }, "192.0.2.1")).toMatchObject({ ok: true });
  });
});

describe("the rate-limit store", () => {
  it("counts up to the rule's points, then refuses with a retry time in the window", async () => {
    const key = `workspace-${Date.now()}`;
    const { points, durationSeconds } = rateLimitRules().apiKeyVerificationByWorkspace;
    for (let attempt = 0; attempt < points; attempt++) {
      expect(await consumeRateLimit("apiKeyVerificationByWorkspace", key)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    }
    const refused = await consumeRateLimit("apiKeyVerificationByWorkspace", key);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(durationSeconds - 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(durationSeconds);
    await resetRateLimit("apiKeyVerificationByWorkspace", key);
    expect((await consumeRateLimit("apiKeyVerificationByWorkspace", key)).allowed).toBe(true);
  });

  it("stores keys hashed, and deletes rows once their window is over", async () => {
    const email = uniqueEmail();
    await verifyCredentials({ email, password: "wrong password!" }, "203.0.113.77");
    const rows = await db.$queryRaw<Array<{ key: string; expire: bigint | null }>>`SELECT key, expire FROM rate_limits`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.key.includes(email) || row.key.includes("203.0.113.77"))).toBe(false);
    expect(rows.every((row) => row.expire !== null)).toBe(true);

    const longestWindow = Math.max(...Object.values(rateLimitRules()).map((rule) => rule.durationSeconds));
    expect(await deleteExpiredRateLimits(Date.now() + longestWindow * 1000 + 1)).toBe(rows.length);
    expect(await db.$queryRaw<Array<{ count: bigint }>>`SELECT count(*) FROM rate_limits`).toEqual([{ count: 0n }]);
  });

  it("the old fixed-window table is gone", async () => {
    const [row] = await db.$queryRaw<Array<{ table: string | null }>>`SELECT to_regclass('rate_limit_buckets')::text AS table`;
    expect(row!.table).toBeNull();
  });

  it("says when to try again in words", () => {
    expect(tryAgainIn(30)).toBe("in 1 minute");
    expect(tryAgainIn(61)).toBe("in 2 minutes");
    expect(tryAgainIn(3 * 3600)).toBe("in 3 hours");
  });
});
