import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responses } from "@/lib/yazsana/schemas";
import { loadDefaultFixture } from "@/sim/fixture";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";

const { organizations, services } = FIXTURE;
const defaultFixture = loadDefaultFixture();
let sim: TestSimulator;
let bulkId: string;

/** Seeded history has 3 personal panel sendings; this adds 2 API ones (one finished, one still pending). */
beforeAll(async () => {
  sim = await startTestSimulator();
  const send = async (to: string[], message: string) =>
    (await sim.call<{ data: string }>("/sms-sendings/bulk", { method: "POST", body: { to, message, serviceId: services.fast } })).json.data;
  bulkId = await send([...phoneNumbers(25), "905309998877", "bad"], "Yaz İndirimi başladı");
  await sim.tick(2);
  await send(phoneNumbers(3, 100), "Second api sending");
});
afterAll(() => sim.close());

const sendings = async (query: Record<string, string | number | boolean> = {}, orgId?: string) => {
  const response = await sim.call("/sms-sendings", { query, orgId });
  expect(response.status).toBe(200);
  return responses.listSendings.parse(response.json).data;
};
const messages = async (query: Record<string, string | number | boolean> = {}, id = bulkId) => {
  const response = await sim.call(`/sms-sendings/${id}/messages`, { query });
  expect(response.status).toBe(200);
  return responses.listSendingMessages.parse(response.json).data;
};

describe("simulator listing sendings", () => {
  it("pages newest first with zero-based pages and default limit 10", async () => {
    const all = await sendings();
    expect(all).toMatchObject({ total: 5, page: 0, limit: 10, totalPages: 1 });
    expect(all.items[0]!.sampleMessageText).toBe("Second api sending");
    const created = all.items.map((sending) => Date.parse(sending.createdAt));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });

  it("handles limit 1 and a page past the end", async () => {
    const second = await sendings({ limit: 1, page: 1 });
    expect(second).toMatchObject({ total: 5, page: 1, limit: 1, totalPages: 5 });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).toBe(bulkId);
    const past = await sendings({ limit: 2, page: 9 });
    expect(past).toMatchObject({ items: [], total: 5, page: 9, limit: 2, totalPages: 3 });
  });

  it("caps the page size at 100", async () => {
    expect((await sendings({ limit: 5000 })).limit).toBe(100);
  });

  it("combines completed, source, text and date filters", async () => {
    expect((await sendings({ completed: false })).items.map((s) => s.sampleMessageText)).toEqual(["Second api sending"]);
    expect((await sendings({ completed: true, source: "api" })).items.map((s) => s.id)).toEqual([bulkId]);
    expect((await sendings({ source: "panel" })).total).toBe(3);
    expect((await sendings({ text: "yaz indi", source: "panel" })).total).toBe(0);
    expect((await sendings({ text: "yaz indi", source: "api" })).items.map((s) => s.id)).toEqual([bulkId]);
    // Turkish capitals fold to the typed lowercase: "İNDİRİM" finds "indirim" and "İndirimi".
    expect((await sendings({ text: "İNDİRİM" })).total).toBe(2);
    expect((await sendings({ text: "kod", source: "panel" })).total).toBe(1);
    const may = await sendings({ startDate: "2025-05-01T00:00:00Z", endDate: "2025-05-31T23:59:59Z" });
    expect(may.total).toBe(2);
    expect(may.items).toHaveLength(2);
    expect(may.items.every((s) => s.source === "panel")).toBe(true);
    const mayAndFailed = await sendings({ startDate: "2025-05-01T00:00:00Z", endDate: "2025-05-31T23:59:59Z", text: "kampanya" });
    expect(mayAndFailed.total).toBe(1);
  });

  it.each([["page", "-1"], ["page", "x"], ["limit", "0"], ["completed", "yes"], ["source", "web"], ["startDate", "yesterday"]])(
    "answers 400 for %s=%s",
    async (name, value) => {
      const response = await sim.call("/sms-sendings", { query: { [name]: value } });
      expect(response.status).toBe(400);
      expect((response.json as { message: string }).message).toContain(name);
    },
  );

  it("lists only the caller's context: personal, an organization, or another user's", async () => {
    expect((await sendings({}, organizations.kargo)).total).toBe(2);
    expect((await sendings({}, organizations.klinik)).total).toBe(1);
    const other = await sim.call("/sms-sendings", { key: FIXTURE.otherUser.apiKey, orgId: organizations.acme });
    expect(responses.listSendings.parse(other.json).data.total).toBe(1);
  });

  it("refuses listing in an organization where the member lacks organization.sms.read", async () => {
    const restricted = await startTestSimulator({
      fixture: withKlinikPermissions([]),
    });
    try {
      const refused = await restricted.call("/sms-sendings", { orgId: organizations.klinik });
      expect(refused.status).toBe(403);
      expect((refused.json as { message: string }).message).toContain("organization.sms.read");
    } finally {
      await restricted.close();
    }
  });
});

describe("simulator listing messages of a sending", () => {
  it("pages the messages with their text and cost", async () => {
    const first = await messages({ limit: 10 });
    expect(first).toMatchObject({ total: 26, page: 0, limit: 10, totalPages: 3 });
    expect(first.items[0]).toMatchObject({ to: "905500000000", message: "Yaz İndirimi başladı", cost: "0.025000" });
    expect(first.items[0]!.createdAt).toBeDefined();
    expect(first.items[0]!.updatedAt).toBeDefined();
    expect((await messages({ page: 2, limit: 10 })).items).toHaveLength(6);
    expect(await messages({ page: 3, limit: 10 })).toMatchObject({ items: [], total: 26, totalPages: 3 });
  });

  it("filters by status and by text in the number or the message, combined", async () => {
    const sent = await messages({ status: "sent", limit: 100 });
    expect(sent.items.length).toBeGreaterThan(0);
    expect(sent.items.every((message) => message.status === "sent")).toBe(true);
    const failedTotal = (await messages({ status: "not_sent" })).total + (await messages({ status: "no_signal" })).total;
    expect(sent.total + failedTotal).toBe(26);
    expect((await messages({ status: "pending" })).total).toBe(0);

    expect((await messages({ text: "9988" })).items.map((message) => message.to)).toEqual(["905309998877"]);
    expect((await messages({ text: "indirim" })).total).toBe(26);
    expect((await messages({ text: "İNDİRİMİ BAŞ" })).total).toBe(26);
    const byNumberAndStatus = await messages({ text: "9055000000", status: "sent", limit: 100 });
    expect(byNumberAndStatus.items.length).toBeGreaterThan(0);
    expect(byNumberAndStatus.items.every((message) => message.to.startsWith("9055000000") && message.status === "sent")).toBe(true);
  });

  it("answers 400 for an unknown status and 404 for unknown or foreign sendings", async () => {
    expect((await sim.call(`/sms-sendings/${bulkId}/messages`, { query: { status: "delivered" } })).status).toBe(400);
    expect((await sim.call("/sms-sendings/00000000-0000-4000-8000-000000000000/messages")).status).toBe(404);
    expect((await sim.call(`/sms-sendings/${bulkId}/messages`, { orgId: organizations.kargo })).status).toBe(404);
    expect((await sim.call(`/sms-sendings/${bulkId}/messages`, { key: FIXTURE.otherUser.apiKey })).status).toBe(404);
  });
});

describe("simulator speaking API 1.0.0", () => {
  it("numbers pages from one and leaves out source", async () => {
    const old = await startTestSimulator({ apiVersion: "1.0.0" });
    try {
      const first = responses.listSendings.parse((await old.call("/sms-sendings", { query: { limit: 2 } })).json).data;
      expect(first).toMatchObject({ page: 1, limit: 2, total: 3, totalPages: 2 });
      expect(first.items[0]).not.toHaveProperty("source");
      const second = responses.listSendings.parse((await old.call("/sms-sendings", { query: { page: 2, limit: 2 } })).json).data;
      expect(second.page).toBe(2);
      expect(second.items).toHaveLength(1);
      expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
      expect((await old.call("/sms-sendings", { query: { page: 0 } })).status).toBe(400);
      const messagesPage = (await old.call(`/sms-sendings/${first.items[0]!.id}/messages`, { query: { page: 1 } })).json;
      expect(responses.listSendingMessages.parse(messagesPage).data.page).toBe(1);
    } finally {
      await old.close();
    }
  });
});

function withKlinikPermissions(permissions: string[]) {
  return {
    ...defaultFixture,
    organizations: defaultFixture.organizations.map((organization) =>
      organization.id === organizations.klinik
        ? { ...organization, members: organization.members.map((member) => ({ ...member, permissions })) }
        : organization,
    ),
  };
}
