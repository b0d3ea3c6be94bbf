import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findPortalSenders } from "@/lib/sending/find-portal-senders";
import { loadSendContext } from "@/lib/sending/load-send-context";
import { sendOneSms } from "@/lib/sending/send-one-sms";
import { closeYazsanaDispatcher } from "@/lib/yazsana";
import { FIXTURE, startTestSimulator, type TestSimulator } from "@/sim/testing";
import { sendingWorkspace, useTestMasterKey } from "../support/sending-workspace";

let sim: TestSimulator;
const originalUrl = process.env.YAZSANA_API_URL;
const originalTimeout = process.env.YAZSANA_TIMEOUT_MS;

beforeAll(async () => {
  useTestMasterKey();
  sim = await startTestSimulator();
  process.env.YAZSANA_API_URL = sim.url;
});
beforeEach(async () => {
  await sim.admin("POST", "/__sim/reset");
});
afterAll(async () => {
  process.env.YAZSANA_API_URL = originalUrl;
  process.env.YAZSANA_TIMEOUT_MS = originalTimeout;
  await closeYazsanaDispatcher();
  await sim.close();
});

const single = (overrides: Partial<{ recipient: string; message: string; serviceId: string; idempotencyKey: string }> = {}) => ({
  recipient: "0555 123 45 67",
  message: "Kargonuz yola çıktı",
  serviceId: FIXTURE.services.standard,
  idempotencyKey: randomUUID(),
  ...overrides,
});

async function sendingsInSimulator(key: string | undefined, orgId?: string): Promise<number> {
  const result = await sim.call<{ data: { total: number } }>("/sms-sendings", { ...(key && { key }), ...(orgId && { orgId }), query: { limit: 1 } });
  return result.json.data.total;
}

describe("sending one SMS", () => {
  it("sends in personal context, charges the personal price and records who sent it", async () => {
    const workspace = await sendingWorkspace(sim.demoKey, ["owner", "sender"]);
    const sender = await workspace.useContext("sender", null);
    const view = await loadSendContext(sender);
    expect(view).toMatchObject({ status: "ok", contextLabel: "Personal credit", credit: null });
    if (view.status !== "ok") throw new Error("no context");
    expect(view.services.map((service) => [service.name, service.unitPrice])[0]).toEqual(["SMS Standart", "0.012000"]);

    const result = await sendOneSms(sender, single());
    expect(result).toMatchObject({ kind: "outcome", state: "accepted", message: expect.stringContaining("+90 555 123 45 67") });
    if (result.kind !== "outcome" || !result.sendingId) throw new Error("not sent");
    expect(await sim.credit(FIXTURE.demoUserId)).toBe("4999.988000");

    const record = await db.sendRecord.findUniqueOrThrow({ where: { id: result.recordId } });
    expect(record).toMatchObject({
      userId: sender.user.id,
      organizationId: null,
      serviceId: FIXTURE.services.standard,
      recipients: ["905551234567"],
      recipientCount: 1,
      state: "accepted",
      sendingId: result.sendingId,
      message: "Kargonuz yola çıktı",
    });
    expect(record.costEstimate.toFixed(6)).toBe("0.012000");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.workspaceId, action: "sms.sent" } });
    expect(audit).toMatchObject({ actorId: sender.user.id, target: result.sendingId });

    const senders = await findPortalSenders(workspace.workspaceId, [result.sendingId, randomUUID()]);
    expect([...senders.entries()]).toEqual([[result.sendingId, { userId: sender.user.id, name: "Sender Member", email: sender.user.email }]]);
    // Another workspace never learns who sent it.
    expect((await findPortalSenders(randomUUID(), [result.sendingId])).size).toBe(0);
  });

  it("in an organization shows its member credit and prices, and charges its member credit", async () => {
    const workspace = await sendingWorkspace(sim.demoKey);
    const owner = await workspace.useContext("owner", FIXTURE.organizations.kargo);
    const view = await loadSendContext(owner);
    expect(view).toMatchObject({ status: "ok", contextLabel: "Anadolu Kargo", credit: "1200.000000" });
    if (view.status !== "ok") throw new Error("no context");
    expect(view.services.find((service) => service.id === FIXTURE.services.standard)?.unitPrice).toBe("0.010000");

    const result = await sendOneSms(owner, single({ recipient: "+90 532 111 22 33" }));
    expect(result).toMatchObject({ state: "accepted" });
    expect(await sim.credit(FIXTURE.demoUserId, FIXTURE.organizations.kargo)).toBe("1199.990000");
    expect(await sim.credit(FIXTURE.demoUserId)).toBe("5000.000000");
    const record = await db.sendRecord.findFirstOrThrow({ where: { workspaceId: workspace.workspaceId } });
    expect(record.organizationId).toBe(FIXTURE.organizations.kargo);
    expect(record.costEstimate.toFixed(6)).toBe("0.010000");
  });

  it("refuses a send without organization.sms.send and sends nothing", async () => {
    const workspace = await sendingWorkspace(sim.demoKey);
    const owner = await workspace.useContext("owner", FIXTURE.organizations.klinik);
    const before = await sendingsInSimulator(undefined, FIXTURE.organizations.klinik);
    const result = await sendOneSms(owner, single());
    expect(result).toMatchObject({ kind: "refused", message: expect.stringContaining("organization.sms.send") });
    expect(await sendingsInSimulator(undefined, FIXTURE.organizations.klinik)).toBe(before);
    expect(await db.sendRecord.count({ where: { workspaceId: workspace.workspaceId } })).toBe(0);
  });

  it("refuses a viewer, an invalid number and a service the context doesn't offer, sending nothing", async () => {
    const workspace = await sendingWorkspace(sim.demoKey, ["owner", "viewer"]);
    const viewer = await workspace.useContext("viewer", null);
    const before = await sendingsInSimulator(undefined);
    expect(await sendOneSms(viewer, single())).toMatchObject({ kind: "refused" });
    const owner = await workspace.useContext("owner", null);
    expect(await sendOneSms(owner, single({ recipient: "0212 123 45 67" }))).toEqual({
      kind: "invalid",
      fieldErrors: { recipient: [expect.stringContaining("landline")] },
    });
    expect(await sendOneSms(owner, single({ serviceId: FIXTURE.services.inactive }))).toMatchObject({ kind: "invalid", fieldErrors: { serviceId: [expect.any(String)] } });
    expect(await sendingsInSimulator(undefined)).toBe(before);
    expect(await db.sendRecord.count({ where: { workspaceId: workspace.workspaceId } })).toBe(0);
  });

  it("insufficient credit: Yazsana refuses, the user is told, nothing is charged", async () => {
    const workspace = await sendingWorkspace(FIXTURE.otherUser.apiKey);
    const owner = await workspace.useContext("owner", null);
    // 0.05 of personal credit: one OTP (0.04) fits, a second does not.
    expect(await sendOneSms(owner, single({ serviceId: FIXTURE.services.otp }))).toMatchObject({ state: "accepted" });
    const second = await sendOneSms(owner, single({ serviceId: FIXTURE.services.otp }));
    expect(second).toMatchObject({ state: "failed", message: expect.stringMatching(/Not enough credit.*Nothing was sent/) });
    expect(await sim.credit(FIXTURE.otherUser.id)).toBe("0.010000");
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.workspaceId, action: "sms.send_failed" } })).toBe(1);
  });

  it("sends once per idempotency key, for a repeated and for two concurrent submits", async () => {
    const workspace = await sendingWorkspace(sim.demoKey);
    const owner = await workspace.useContext("owner", null);
    const before = await sendingsInSimulator(undefined);
    const input = single();
    const first = await sendOneSms(owner, input);
    const again = await sendOneSms(owner, input);
    expect(again).toEqual(first);

    const twin = single({ recipient: "0555 765 43 21" });
    // A little latency keeps the first request in flight while its twin arrives.
    await sim.admin("POST", "/__sim/faults", { operation: "sendSingleSms", kind: "latency", latencyMs: 300, times: 2 });
    const [left, right] = await Promise.all([sendOneSms({ ...owner }, twin), sendOneSms({ ...owner }, twin)]);
    expect(left).toMatchObject({ state: "accepted" });
    expect(right).toEqual(left);
    expect(await sendingsInSimulator(undefined)).toBe(before + 2);
    expect(await db.sendRecord.count({ where: { workspaceId: workspace.workspaceId } })).toBe(2);
    expect(await sim.credit(FIXTURE.demoUserId)).toBe("4999.976000");
  });

  it("a timeout after the request left is unknown, and a retry never resends it", async () => {
    const workspace = await sendingWorkspace(sim.demoKey);
    const owner = await workspace.useContext("owner", null);
    const before = await sendingsInSimulator(undefined);
    process.env.YAZSANA_TIMEOUT_MS = "400";
    try {
      // The simulator handles the send, then answers too late.
      await sim.admin("POST", "/__sim/faults", { operation: "sendSingleSms", kind: "lost_answer", times: 1 });
      const input = single();
      const result = await sendOneSms(owner, input);
      expect(result).toMatchObject({ state: "unknown", message: expect.stringContaining("may still have gone through") });
      expect(await sendOneSms(owner, input)).toMatchObject({ state: "unknown", recordId: (result as { recordId: string }).recordId });
    } finally {
      process.env.YAZSANA_TIMEOUT_MS = originalTimeout;
    }
    expect(await sendingsInSimulator(undefined)).toBe(before + 1);
    expect(await db.sendRecord.findFirstOrThrow({ where: { workspaceId: workspace.workspaceId } })).toMatchObject({ state: "unknown", errorKind: "timeout" });
  });
});
