import { describe, expect, it } from "vitest";
import { compareWithSchema } from "@/lib/yazsana/probe-differences";
import { detectPageBase } from "@/lib/yazsana/probe-paging";
import { responses } from "@/lib/yazsana/schemas";

const stats = {
  validSize: 1,
  invalidSize: 0,
  nOfPending: 0,
  nOfWaiting: 0,
  nOfCompleted: 1,
  nOfFailed: 0,
  nOfRefunded: 0,
  totalCost: "0.012000",
  totalRefunded: "0.000000",
};
const item = (id: string, extra: Record<string, unknown> = {}) => ({ id, completed: true, sampleMessageText: "x", createdAt: "2025-01-01T00:00:00Z", stats, ...extra });
const page = (items: unknown[], pageNumber: number, total = 5) => ({ success: true, data: { items, total, page: pageNumber, limit: 1, totalPages: total } });

describe("comparing an answer with our schemas", () => {
  it("finds nothing when the answer matches exactly", () => {
    expect(compareWithSchema(responses.listSendings, page([item("a", { source: "api" })], 0))).toEqual({ parses: true, differences: [] });
  });

  it("lists extra fields and absent optional ones once per path", () => {
    const answer = page([item("a", { channel: "x" }), item("b", { channel: "y" })], 0);
    const { parses, differences } = compareWithSchema(responses.listSendings, { ...answer, requestId: "r1" });
    expect(parses).toBe(true);
    expect(differences).toEqual([
      { path: "requestId", change: "extra", detail: "not in our schema; kept as is" },
      { path: "data.items[].channel", change: "extra", detail: "not in our schema; kept as is" },
      { path: "data.items[].source", change: "absent_optional", detail: "optional in our schema; left empty" },
    ]);
  });

  it("names missing fields and wrong types without printing values", () => {
    const answer = [{ id: "s1", name: "SMS", currency: "USD", unitPrice: 0.012345 }];
    const { parses, differences } = compareWithSchema(responses.listServices, answer);
    expect(parses).toBe(false);
    expect(differences).toContainEqual({ path: "[].type", change: "missing", detail: expect.any(String) });
    expect(differences).toContainEqual({ path: "[].unitPrice", change: "wrong_type", detail: expect.stringContaining("(got number)") });
    expect(JSON.stringify(differences)).not.toContain("0.012345");
  });
});

describe("detecting the page base", () => {
  it("recognises zero-based pages", () => {
    expect(detectPageBase({ status: 200, body: page([item("a")], 0) }, { status: 200, body: page([item("b")], 1) }).base).toBe("zero");
    expect(detectPageBase({ status: 200, body: page([item("a")], 0, 1) }, { status: 200, body: page([], 1, 1) }).base).toBe("zero");
  });

  it("recognises one-based pages by refusal, echo, or a repeated item", () => {
    expect(detectPageBase({ status: 400 }, { status: 200, body: page([item("a")], 1) })).toMatchObject({ base: "one", evidence: expect.stringMatching(/refused/) });
    expect(detectPageBase({ status: 200, body: page([item("a")], 1) }, { status: 200, body: page([item("a")], 1) })).toMatchObject({ base: "one" });
    expect(detectPageBase({ status: 200, body: page([item("a")], 0) }, { status: 200, body: page([item("a")], 1) })).toMatchObject({ base: "one" });
    expect(detectPageBase({ status: 200, body: page([], 0) }, { status: 200, body: page([item("a")], 1) })).toMatchObject({ base: "one" });
  });

  it("admits when it cannot tell", () => {
    expect(detectPageBase({ status: 500 }, { status: 500 }).base).toBe("unknown");
    expect(detectPageBase({ status: 200, body: page([], 3, 0) }, { status: 200, body: page([], 3, 0) }).base).toBe("unknown");
  });
});
