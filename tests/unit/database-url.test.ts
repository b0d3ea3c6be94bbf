import { describe, expect, it } from "vitest";
import { databaseName, withDatabase } from "@/scripts/lib/postgres";

describe("database URLs", () => {
  it("swaps the database name and keeps credentials, host and options", () => {
    const url = withDatabase("postgresql://u:p%40ss@db.internal:6543/app?sslmode=require", "other");
    expect(url).toBe("postgresql://u:p%40ss@db.internal:6543/other?sslmode=require");
    expect(databaseName(url)).toBe("other");
  });
});
