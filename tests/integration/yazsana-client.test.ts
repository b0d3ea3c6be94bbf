import Decimal from "decimal.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  closeYazsanaDispatcher,
  getCurrentUser,
  listOrganizations,
  listSendingMessages,
  listSendings,
  listServices,
  sendBulkSms,
  sendSingleSms,
  YazsanaError,
  type Organization,
  type Service,
} from "@/lib/yazsana";
import { startSimulator, type RunningSimulator } from "@/sim/server";

/**
 * The client against the simulator over real HTTP: every operation, paging
 * and filters, organization context, credit and the message lifecycle.
 */

const DEMO_KEY = "ysk_test_client_contract_demo_key_01";
const OTHER_KEY = "ysk_fixture_acme_ops_public_test_key_0001";
let sim: RunningSimulator;
const demo = { apiKey: DEMO_KEY };

type Accounts = {
  users: { id: string; username: string; credit: string }[];
  organizations: { id: string; name: string; members: { userId: string; memberCredit: string }[] }[];
};

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

async function credits() {
  const accounts = await admin<Accounts>("GET", "/__sim/accounts");
  const user = (username: string) => accounts.users.find((candidate) => candidate.username === username)!.credit;
  const member = (organizationId: string) => accounts.organizations.find((organization) => organization.id === organizationId)!.members[0]!.memberCredit;
  return { user, member };
}

async function caught(promise: Promise<unknown>): Promise<YazsanaError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof YazsanaError)) throw new Error(`expected a YazsanaError, got ${String(error)}`);
  return error;
}

let organizations: Organization[];
let services: Service[];
let sendingOrganization: Organization;
let standard: Service;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, adminEnabled: true, tickMs: 0, seed: 1, demoKey: DEMO_KEY });
  process.env.YAZSANA_API_URL = sim.url;
  organizations = await listOrganizations(demo);
  services = await listServices(demo);
  sendingOrganization = organizations.find((organization) => organization.state && organization.permissions.includes("organization.sms.send"))!;
  standard = services.find((service) => service.name === "SMS Standart")!;
});

beforeEach(() => admin("POST", "/__sim/reset"));

afterAll(async () => {
  await sim?.close();
  await closeYazsanaDispatcher();
});

describe("reading the account", () => {
  it("gets the current user of the key", async () => {
    const user = await getCurrentUser(demo);
    expect(user).toMatchObject({ username: "demo", email: "demo@yazsana.test" });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lists organizations with permissions, state and credit as decimal strings", async () => {
    expect(organizations.length).toBeGreaterThanOrEqual(3);
    expect(organizations.some((organization) => !organization.state)).toBe(true);
    expect(organizations.some((organization) => organization.state && !organization.permissions.includes("organization.sms.send"))).toBe(true);
    for (const organization of organizations) expect(organization.memberCredit).toMatch(/^\d+\.\d{6}$/);
  });

  it("lists services with final prices that depend on the context", async () => {
    expect(services.length).toBeGreaterThanOrEqual(3);
    expect(standard.unitPrice).toBe("0.012000");
    const inOrganization = await listServices({ ...demo, organizationId: sendingOrganization.id });
    expect(inOrganization.find((service) => service.id === standard.id)?.unitPrice).toBe("0.010000");
    expect(await listServices({ ...demo, organizationId: null })).toEqual(services);
  });
});

describe("sending and credit", () => {
  it("charges personal credit without x-org-id and member credit with it", async () => {
    const before = await credits();
    const personal = await sendSingleSms(demo, { to: "905551234567", message: "Merhaba", serviceId: standard.id });
    const inOrganization = await sendBulkSms(
      { ...demo, organizationId: sendingOrganization.id },
      { to: ["905551234567", "905321234567", "905301112233"], message: "Kargonuz yolda", serviceId: standard.id },
    );
    expect(personal.sendingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(inOrganization.sendingId).not.toBe(personal.sendingId);

    const after = await credits();
    expect(new Decimal(before.user("demo")).minus(after.user("demo")).toFixed(6)).toBe("0.012000");
    expect(new Decimal(before.member(sendingOrganization.id)).minus(after.member(sendingOrganization.id)).toFixed(6)).toBe("0.030000");

    const personalList = await listSendings(demo, { source: "api" });
    expect(personalList.items.map((sending) => sending.id)).toEqual([personal.sendingId]);
    const organizationList = await listSendings({ ...demo, organizationId: sendingOrganization.id }, { source: "api" });
    expect(organizationList.items.map((sending) => sending.id)).toEqual([inOrganization.sendingId]);
  });

  it("counts invalid numbers of a bulk send without charging them", async () => {
    const before = await credits();
    const { sendingId } = await sendBulkSms(demo, { to: ["905551234567", "12345", "905321234567"], message: "Duyuru", serviceId: standard.id });
    const [sending] = (await listSendings(demo, { limit: 1 })).items;
    expect(sending).toMatchObject({ id: sendingId, source: "api", completed: false, stats: { validSize: 2, invalidSize: 1, totalCost: "0.024000" } });
    const after = await credits();
    expect(new Decimal(before.user("demo")).minus(after.user("demo")).toFixed(6)).toBe("0.024000");
  });

  it("refuses a send the credit cannot cover, and charges nothing", async () => {
    const other = { apiKey: OTHER_KEY };
    const otp = services.find((service) => service.name === "SMS OTP")!;
    const before = await credits();
    await sendSingleSms(other, { to: "905551234567", message: "Kod: 1234", serviceId: otp.id });
    const error = await caught(sendSingleSms(other, { to: "905551234567", message: "Kod: 5678", serviceId: otp.id }));
    expect(error).toMatchObject({ kind: "insufficient_credit", status: 400, operation: "sendSingleSms" });
    const after = await credits();
    expect(new Decimal(before.user("acme-ops")).minus(after.user("acme-ops")).toFixed(6)).toBe("0.040000");
    expect((await listSendings(other, { source: "api" })).total).toBe(1);
  });

  it("moves messages to completion with consistent stats and refunds failures", async () => {
    const numbers = Array.from({ length: 40 }, (_, index) => `90555${String(1_000_000 + index).padStart(7, "0")}`);
    const before = await credits();
    const { sendingId } = await sendBulkSms(demo, { to: numbers, message: "Yaşam döngüsü", serviceId: standard.id });

    const pending = await listSendingMessages(demo, sendingId, { limit: 100 });
    expect(pending.items).toHaveLength(40);
    expect(pending.items.every((message) => message.status === "pending")).toBe(true);
    await admin("POST", "/__sim/tick");
    expect((await listSendingMessages(demo, sendingId, { status: "waiting" })).total).toBe(40);

    let sending = (await listSendings(demo, { limit: 1 })).items[0]!;
    for (let tick = 0; !sending.completed && tick < 10; tick++) {
      await admin("POST", "/__sim/tick");
      sending = (await listSendings(demo, { limit: 1 })).items[0]!;
    }
    const { stats } = sending;
    expect(sending.completed).toBe(true);
    expect(stats.nOfPending + stats.nOfWaiting).toBe(0);
    expect(stats.nOfCompleted + stats.nOfFailed).toBe(stats.validSize);
    expect(stats.nOfFailed).toBeGreaterThan(0);
    expect(stats.nOfRefunded).toBe(stats.nOfFailed);
    expect(stats.totalCost).toBe(new Decimal(standard.unitPrice).times(40).toFixed(6));
    expect(stats.totalRefunded).toBe(new Decimal(standard.unitPrice).times(stats.nOfFailed).toFixed(6));

    const sent = await listSendingMessages(demo, sendingId, { status: "sent", limit: 100 });
    const notSent = await listSendingMessages(demo, sendingId, { status: "not_sent", limit: 100 });
    const noSignal = await listSendingMessages(demo, sendingId, { status: "no_signal", limit: 100 });
    expect(sent.total).toBe(stats.nOfCompleted);
    expect(notSent.total + noSignal.total).toBe(stats.nOfFailed);

    const after = await credits();
    const netCharge = new Decimal(stats.totalCost).minus(stats.totalRefunded).toFixed(6);
    expect(new Decimal(before.user("demo")).minus(after.user("demo")).toFixed(6)).toBe(netCharge);
  });
});

describe("paging and filters", () => {
  it("pages sendings with limit 1 and answers past the end with no items", async () => {
    const all = await listSendings(demo);
    expect(all.page).toBe(0);
    expect(all.total).toBeGreaterThanOrEqual(3);

    const first = await listSendings(demo, { page: 0, limit: 1 });
    const second = await listSendings(demo, { page: 1, limit: 1 });
    expect(first).toMatchObject({ page: 0, limit: 1, total: all.total, totalPages: all.total });
    expect(first.items).toHaveLength(1);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect([first.items[0]?.id, second.items[0]?.id]).toEqual(all.items.slice(0, 2).map((sending) => sending.id));

    const past = await listSendings(demo, { page: all.total + 5, limit: 1 });
    expect(past).toMatchObject({ items: [], total: all.total, page: all.total + 5 });
  });

  it("combines completed, text, source and date filters", async () => {
    const panel = await listSendings(demo, {
      completed: true,
      source: "panel",
      text: "RANDEVU",
      startDate: "2025-05-01T00:00:00Z",
      endDate: "2025-05-31T23:59:59Z",
    });
    expect(panel.items.map((sending) => sending.sampleMessageText)).toEqual([expect.stringMatching(/^Randevunuz/)]);

    const startedAt = new Date(Date.now() - 1000).toISOString();
    const { sendingId } = await sendSingleSms(demo, { to: "905551234567", message: "Kargo kodu: 7781", serviceId: standard.id });
    await sendSingleSms(demo, { to: "905551234567", message: "Başka bir mesaj", serviceId: standard.id });
    const mine = await listSendings(demo, { completed: "false", source: "api", text: "kargo", startDate: startedAt, endDate: new Date(Date.now() + 60_000).toISOString() });
    expect(mine.items.map((sending) => sending.id)).toEqual([sendingId]);
    expect((await listSendings(demo, { completed: true, source: "api" })).total).toBe(0);
  });

  it("pages and filters the messages of one sending", async () => {
    const [sending] = (await listSendings(demo, { text: "Bahar kampanyası" })).items;
    const all = await listSendingMessages(demo, sending!.id, { limit: 100 });
    expect(all.total).toBe(6);
    const one = await listSendingMessages(demo, sending!.id, { page: 2, limit: 1 });
    expect(one).toMatchObject({ total: 6, page: 2, limit: 1, totalPages: 6 });
    expect(one.items[0]?.id).toBe(all.items[2]?.id);
    expect((await listSendingMessages(demo, sending!.id, { page: 9 })).items).toEqual([]);
    const notSent = await listSendingMessages(demo, sending!.id, { status: "not_sent" });
    expect(notSent.items.map((message) => message.to)).toEqual(["905351112244"]);
    expect((await listSendingMessages(demo, sending!.id, { text: "90532" })).total).toBe(1);
    expect(all.items[0]).toMatchObject({ status: "sent", cost: "0.012000" });
  });
});
