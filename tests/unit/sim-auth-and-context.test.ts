import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responses } from "@/lib/yazsana/schemas";
import { FIXTURE, startTestSimulator, type TestSimulator } from "@/sim/testing";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

describe("simulator authentication and organization context", () => {
  it("answers 401 without a key and with an unknown key", async () => {
    const missing = await sim.call("/users/me", { key: null });
    expect(missing.status).toBe(401);
    expect(missing.json).toMatchObject({ success: false, code: "UNAUTHORIZED" });
    const unknown = await sim.call("/sms-sendings", { key: "ysk_not_a_real_key" });
    expect(unknown.status).toBe(401);
  });

  it("tells the demo user who they are, in the shared response schema", async () => {
    const me = await sim.call("/users/me");
    expect(me.status).toBe(200);
    expect(responses.getCurrentUser.parse(me.json).data).toMatchObject({ id: FIXTURE.demoUserId, username: "demo" });
  });

  it("lists the demo user's organizations with member credit and permissions", async () => {
    const { json } = await sim.call("/users/me/organizations");
    const organizations = responses.listOrganizations.parse(json).data;
    expect(organizations.map((org) => org.id).sort()).toEqual(
      [FIXTURE.organizations.kargo, FIXTURE.organizations.klinik, FIXTURE.organizations.disabled].sort(),
    );
    const klinik = organizations.find((org) => org.id === FIXTURE.organizations.klinik)!;
    expect(klinik.permissions).toContain("organization.sms.read");
    expect(klinik.permissions).not.toContain("organization.sms.send");
    expect(organizations.find((org) => org.id === FIXTURE.organizations.disabled)!.state).toBe(false);
    expect(klinik.memberCredit).toMatch(/^\d+\.\d{6}$/);
  });

  it("refuses an organization the key's user does not belong to with 403", async () => {
    const foreign = await sim.call("/services", { orgId: FIXTURE.organizations.acme });
    expect(foreign.status).toBe(403);
    expect(foreign.json).toMatchObject({ success: false, code: "FORBIDDEN" });
    expect((await sim.call("/sms-sendings", { orgId: "00000000-0000-4000-8000-000000000000" })).status).toBe(403);
  });

  it("refuses a disabled organization with 403", async () => {
    const disabled = await sim.call("/sms-sendings", { orgId: FIXTURE.organizations.disabled });
    expect(disabled.status).toBe(403);
    expect((disabled.json as { message: string }).message).toMatch(/disabled/i);
  });

  it("lists active services as a bare array, with organization-specific final prices", async () => {
    const personal = await sim.call("/services");
    const services = responses.listServices.parse(personal.json);
    expect(services.map((service) => service.id)).not.toContain(FIXTURE.services.inactive);
    expect(new Set(services.map((service) => service.unitPrice)).size).toBeGreaterThanOrEqual(3);
    expect(services.find((service) => service.id === FIXTURE.services.standard)!.unitPrice).toBe("0.012000");

    const inKargo = responses.listServices.parse((await sim.call("/services", { orgId: FIXTURE.organizations.kargo })).json);
    expect(inKargo.find((service) => service.id === FIXTURE.services.standard)!.unitPrice).toBe("0.010000");
  });

  it("answers 404 JSON for unknown paths and 405 for a known path with the wrong method", async () => {
    const unknown = await sim.call("/nowhere");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ success: false, message: "Not found" });
    const wrongMethod = await sim.call("/sms-sendings/single");
    expect(wrongMethod.status).toBe(405);
  });

  it("lets the second fixture user in with its own key, seeing only its own organization", async () => {
    const { json } = await sim.call("/users/me/organizations", { key: FIXTURE.otherUser.apiKey });
    expect(responses.listOrganizations.parse(json).data.map((org) => org.id)).toEqual([FIXTURE.organizations.acme]);
    expect((await sim.call("/services", { key: FIXTURE.otherUser.apiKey, orgId: FIXTURE.organizations.kargo })).status).toBe(403);
  });

  it("keeps the admin controls hidden unless enabled, but always answers the health check", async () => {
    const closed = await startTestSimulator({ adminEnabled: false });
    try {
      expect((await closed.admin("GET", "/__sim/accounts")).status).toBe(404);
      expect((await closed.admin("POST", "/__sim/tick", {})).status).toBe(404);
      expect((await closed.admin("GET", "/__sim/health")).status).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it("uses the demo key it was given", async () => {
    const keyed = await startTestSimulator({ demoKey: "ysk_chosen_for_this_test_000000" });
    try {
      expect(keyed.demoKey).toBe("ysk_chosen_for_this_test_000000");
      expect((await keyed.call("/users/me", { key: "ysk_chosen_for_this_test_000000" })).status).toBe(200);
    } finally {
      await keyed.close();
    }
  });
});
