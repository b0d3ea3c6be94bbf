import { describe, expect, it } from "vitest";
import { YazsanaError } from "@/lib/yazsana/errors";
import { parseYazsanaResponse } from "@/lib/yazsana/parse-response";
import { responses } from "@/lib/yazsana/schemas";

const sending = {
  id: "30a97eab-3383-4176-b1fa-3c0111f42590",
  completed: false,
  sampleMessageText: "Kargonuz yola çıktı",
  createdAt: "2025-01-02T10:00:00.000Z",
  source: "api",
  stats: {
    validSize: 3,
    invalidSize: 0,
    nOfPending: 1,
    nOfWaiting: 1,
    nOfCompleted: 1,
    nOfFailed: 0,
    nOfRefunded: 0,
    totalCost: "0.036000",
    totalRefunded: "0.000000",
  },
};
const sendingsPage = (items: unknown[]) => JSON.stringify({ success: true, data: { items, total: items.length, page: 0, limit: 10, totalPages: 1 } });

function malformed(run: () => unknown): YazsanaError {
  try {
    run();
  } catch (error) {
    if (error instanceof YazsanaError) return error;
    throw error;
  }
  throw new Error("expected a malformed_response");
}

describe("parsing Yazsana responses", () => {
  it("keeps fields the schema does not know", () => {
    const body = sendingsPage([{ ...sending, campaignName: "Ocak", stats: { ...sending.stats, nOfScheduled: 2 } }]);
    const page = parseYazsanaResponse("listSendings", 200, body, responses.listSendings).data;
    expect(page.items[0]).toMatchObject({ campaignName: "Ocak", stats: { nOfScheduled: 2 } });
  });

  it("parses a sending without the optional source (API 1.0.0)", () => {
    const { source, ...withoutSource } = sending;
    expect(source).toBe("api");
    const page = parseYazsanaResponse("listSendings", 200, sendingsPage([withoutSource]), responses.listSendings).data;
    expect(page.items[0]?.source).toBeUndefined();
    expect(page.items[0]?.id).toBe(sending.id);
  });

  it("accepts a message status or sending source Yazsana adds later, as it comes", () => {
    const page = parseYazsanaResponse("listSendings", 200, sendingsPage([{ ...sending, source: "scheduler" }]), responses.listSendings).data;
    expect(page.items[0]?.source).toBe("scheduler");
    const messages = JSON.stringify({
      success: true,
      data: { items: [{ id: "m1", to: "905551234567", status: "delivered_late" }], total: 1, page: 0, limit: 10, totalPages: 1 },
    });
    expect(parseYazsanaResponse("listSendingMessages", 200, messages, responses.listSendingMessages).data.items[0]?.status).toBe("delivered_late");
  });

  it("parses a user without createdAt and an envelope without success", () => {
    const body = JSON.stringify({ data: { id: "u1", username: "demo", email: "demo@yazsana.test" } });
    expect(parseYazsanaResponse("getCurrentUser", 200, body, responses.getCurrentUser).data).toEqual({
      id: "u1",
      username: "demo",
      email: "demo@yazsana.test",
    });
  });

  it("keeps money as the decimal strings Yazsana sent and coerces string counts", () => {
    const body = sendingsPage([{ ...sending, stats: { ...sending.stats, validSize: "3" } }]);
    const item = parseYazsanaResponse("listSendings", 200, body, responses.listSendings).data.items[0];
    expect(item?.stats.totalCost).toBe("0.036000");
    expect(item?.stats.validSize).toBe(3);
  });

  it("reads services as a bare array", () => {
    const body = JSON.stringify([{ id: "s1", name: "SMS Standart", type: "sms", currency: "USD", unitPrice: "0.012000", region: "TR" }]);
    expect(parseYazsanaResponse("listServices", 200, body, responses.listServices)).toEqual([
      { id: "s1", name: "SMS Standart", type: "sms", currency: "USD", unitPrice: "0.012000", region: "TR" },
    ]);
  });

  it("turns a wrong shape into malformed_response naming the fields, not their values", () => {
    const body = sendingsPage([{ ...sending, stats: { ...sending.stats, totalCost: 0.036 } }]);
    const error = malformed(() => parseYazsanaResponse("listSendings", 200, body, responses.listSendings));
    expect(error.kind).toBe("malformed_response");
    expect(error.status).toBe(200);
    expect(error.issues).toEqual([expect.stringMatching(/^data\.items\.0\.stats\.totalCost: /)]);
    expect(error.message).not.toContain("0.036");
    expect(error.message).not.toMatch(/ZodError|"code"/);
  });

  it("turns a money float in services into malformed_response", () => {
    const body = JSON.stringify([{ id: "s1", name: "SMS", type: "sms", currency: "USD", unitPrice: 0.012 }]);
    expect(malformed(() => parseYazsanaResponse("listServices", 200, body, responses.listServices)).kind).toBe("malformed_response");
  });

  it("turns a body that is not JSON into malformed_response", () => {
    const error = malformed(() => parseYazsanaResponse("getCurrentUser", 200, "<html>502 Bad Gateway</html>", responses.getCurrentUser));
    expect(error).toMatchObject({ kind: "malformed_response", operation: "getCurrentUser", issues: ["body is not JSON"] });
  });

  it("treats an enveloped failure on a 2xx as malformed_response", () => {
    const body = JSON.stringify({ success: false, message: "something" });
    expect(malformed(() => parseYazsanaResponse("sendSingleSms", 200, body, responses.sendSingleSms)).kind).toBe("malformed_response");
  });
});
