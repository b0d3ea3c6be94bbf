import { describe, expect, it } from "vitest";
import { POOL_DEFAULTS, readPoolConfig } from "@/lib/db/pool-config";

describe("database pool settings", () => {
  it("bounds every wait by default", () => {
    const config = readPoolConfig("postgresql://x@127.0.0.1/db", {});
    expect(config).toMatchObject({
      max: POOL_DEFAULTS.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: POOL_DEFAULTS.DATABASE_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: POOL_DEFAULTS.DATABASE_IDLE_TIMEOUT_MS,
      statement_timeout: POOL_DEFAULTS.DATABASE_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: POOL_DEFAULTS.DATABASE_STATEMENT_TIMEOUT_MS,
    });
    expect(config.query_timeout).toBeGreaterThan(POOL_DEFAULTS.DATABASE_STATEMENT_TIMEOUT_MS);
  });

  it("takes each bound from the environment", () => {
    const config = readPoolConfig("postgresql://x@127.0.0.1/db", {
      DATABASE_POOL_SIZE: "3",
      DATABASE_CONNECT_TIMEOUT_MS: "1500",
      DATABASE_STATEMENT_TIMEOUT_MS: "8000",
      DATABASE_IDLE_TIMEOUT_MS: "60000",
    });
    expect(config).toMatchObject({ max: 3, connectionTimeoutMillis: 1500, statement_timeout: 8000, idleTimeoutMillis: 60000 });
  });

  it.each(["0", "-5", "1.5", "soon"])("refuses %j with the variable's name", (raw) => {
    expect(() => readPoolConfig("postgresql://x@127.0.0.1/db", { DATABASE_CONNECT_TIMEOUT_MS: raw })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
  });
});
