import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { responses } from "@/lib/yazsana/schemas";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

const { demoUserId, organizations, services } = FIXTURE;
const single = (body: Record<string, unknown>, orgId?: string) =>
  sim.call<{ success: boolean; data?: string; message?: string; code?: string }>("/sms-sendings/single", { method: "POST", body, orgId });
const bulk = (body: Record<string, unknown>, options: { orgId?: string; key?: string } = {}) =>
  sim.call<{ success: boolean; data?: string; message?: string; code?: string }>("/sms-sendings/bulk", { method: "POST", body, ...options });

describe("simulator sending", () => {
  it("sends a single SMS, answers the new sending id and charges the personal credit", async () => {
    const before = await sim.credit(demoUserId);
    const sent = await single({ to: "905321234567", message: "Merhaba", serviceId: services.fast });
    expect(sent.status).toBe(201);
    expect(responses.sendSingleSms.parse(sent.json).data).toMatch(/^[0-9a-f-]{36}$/);
    expect(before).toBe("5000.000000");
    expect(await sim.credit(demoUserId)).toBe("4999.975000");
  });

  it("charges the organization member credit at the organization's price inside an organization", async () => {
    const sent = await bulk({ to: phoneNumbers(3), message: "Kargonuz yolda", serviceId: services.standard }, { orgId: organizations.kargo });
    expect(sent.status).toBe(201);
    expect(await sim.credit(demoUserId, organizations.kargo)).toBe("1199.970000");
    expect(await sim.credit(demoUserId)).toBe("5000.000000");
  });

  it("refuses a send without organization.sms.send with 403, charging nothing", async () => {
    const refused = await single({ to: "905321234567", message: "Merhaba", serviceId: services.otp }, organizations.klinik);
    expect(refused.status).toBe(403);
    expect(refused.json.message).toContain("organization.sms.send");
    expect(await sim.credit(demoUserId, organizations.klinik)).toBe("80.000000");
  });

  it.each([
    ["a number not in 905xxxxxxxxx form", { to: "05321234567", message: "Merhaba", serviceId: services.fast }, /to/],
    ["a 161-character message", { to: "905321234567", message: "x".repeat(161), serviceId: services.fast }, /160/],
    ["an empty message", { to: "905321234567", message: "", serviceId: services.fast }, /message/],
    ["an unknown service", { to: "905321234567", message: "Merhaba", serviceId: "00000000-0000-4000-8000-000000000000" }, /service/i],
    ["an inactive service", { to: "905321234567", message: "Merhaba", serviceId: services.inactive }, /service/i],
    ["a missing field", { to: "905321234567", message: "Merhaba" }, /serviceId/],
    ["an unknown field", { to: "905321234567", message: "Merhaba", serviceId: services.fast, extra: 1 }, /extra/],
  ])("answers 400 with a clear message for %s", async (_, body, mentions) => {
    const refused = await single(body);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ success: false });
    expect(refused.json.message).toMatch(mentions);
    expect(await sim.credit(demoUserId)).toBe("5000.000000");
  });

  it("accepts exactly 160 characters (Turkish letters count as one each)", async () => {
    const text = "ç".repeat(160);
    expect((await single({ to: "905321234567", message: text, serviceId: services.fast })).status).toBe(201);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await fetch(`${sim.url}/sms-sendings/single`, {
      method: "POST",
      headers: { "x-api-key": sim.demoKey, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ success: false, message: expect.stringMatching(/JSON/) });
  });

  it("refuses a send the credit cannot cover with INSUFFICIENT_CREDIT, charging and creating nothing", async () => {
    const other = FIXTURE.otherUser;
    const refused = await bulk({ to: phoneNumbers(3), message: "Bülten", serviceId: services.fast }, { key: other.apiKey });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ success: false, message: "Insufficient credit", code: "INSUFFICIENT_CREDIT" });
    expect(await sim.credit(other.id)).toBe("0.050000");
    const listed = await sim.call<{ data: { total: number } }>("/sms-sendings", { key: other.apiKey });
    expect(listed.json.data.total).toBe(0);

    // Exactly enough is enough: 2 × 0.025000 = 0.050000.
    expect((await bulk({ to: phoneNumbers(2), message: "Bülten", serviceId: services.fast }, { key: other.apiKey })).status).toBe(201);
    expect(await sim.credit(other.id)).toBe("0.000000");
  });

  it("splits a bulk list into valid and invalid numbers and charges only the valid ones", async () => {
    const to = [...phoneNumbers(4), "0555 123 45 67", "+905551234567", "90555123456", "abc"];
    const sent = await bulk({ to, message: "Kampanya", serviceId: services.standard });
    expect(sent.status).toBe(201);
    const listed = await sim.call("/sms-sendings", { query: { limit: 1 } });
    const [sending] = responses.listSendings.parse(listed.json).data.items;
    expect(sending).toMatchObject({ id: sent.json.data, source: "api", completed: false, sampleMessageText: "Kampanya" });
    expect(sending!.stats).toMatchObject({ validSize: 4, invalidSize: 4, nOfPending: 4, totalCost: "0.048000", totalRefunded: "0.000000" });
    expect(await sim.credit(demoUserId)).toBe("4999.952000");
  });

  it("refuses a bulk list with no valid number, and an empty list", async () => {
    const none = await bulk({ to: ["123", "0555"], message: "Kampanya", serviceId: services.standard });
    expect(none.status).toBe(400);
    expect(none.json.code).toBe("NO_VALID_RECIPIENTS");
    expect((await bulk({ to: [], message: "Kampanya", serviceId: services.standard })).status).toBe(400);
    expect(await sim.credit(demoUserId)).toBe("5000.000000");
  });
});
