import { afterEach, describe, expect, it } from "vitest";
import { SMS_PERMISSIONS } from "@/lib/yazsana/schemas";
import { loadDefaultFixture, parseFixture, simFixture } from "@/sim/fixture";
import { startSimulator } from "@/sim/server";
import { FIXTURE } from "@/sim/testing";

const fixture = loadDefaultFixture();
const savedEnvKey = process.env.YAZSANA_SIM_DEMO_KEY;
afterEach(() => {
  if (savedEnvKey === undefined) delete process.env.YAZSANA_SIM_DEMO_KEY;
  else process.env.YAZSANA_SIM_DEMO_KEY = savedEnvKey;
});

describe("simulator fixture", () => {
  it("gives the demo user personal credit, two active organizations (one without send) and a disabled one", () => {
    const demo = fixture.users.find((user) => user.demo)!;
    expect(demo.id).toBe(FIXTURE.demoUserId);
    expect(Number(demo.credit)).toBeGreaterThan(0);
    const mine = fixture.organizations.filter((org) => org.members.some((member) => member.userId === demo.id));
    const permissionsIn = (org: (typeof mine)[number]) => org.members.find((member) => member.userId === demo.id)!.permissions;
    const active = mine.filter((org) => org.state);
    expect(active.length).toBeGreaterThanOrEqual(2);
    expect(active.some((org) => !permissionsIn(org).includes(SMS_PERMISSIONS.send) && permissionsIn(org).includes(SMS_PERMISSIONS.read))).toBe(true);
    expect(mine.some((org) => !org.state)).toBe(true);
    expect(mine.find((org) => org.id === FIXTURE.organizations.klinik)!.members[0]!.permissions).not.toContain(SMS_PERMISSIONS.send);
  });

  it("has a second user with its own key and an organization the demo user is not in", () => {
    const other = fixture.users.find((user) => user.id === FIXTURE.otherUser.id)!;
    expect(other.apiKey).toBe(FIXTURE.otherUser.apiKey);
    const acme = fixture.organizations.find((org) => org.id === FIXTURE.organizations.acme)!;
    expect(acme.members.map((member) => member.userId)).toEqual([other.id]);
  });

  it("has at least three active services with different prices, and a panel history with failures", () => {
    const active = fixture.services.filter((service) => service.active);
    expect(new Set(active.map((service) => service.unitPrice)).size).toBeGreaterThanOrEqual(3);
    expect(Object.values(FIXTURE.services).every((id) => fixture.services.some((service) => service.id === id))).toBe(true);
    const history = fixture.sendings.filter((sending) => sending.userId === FIXTURE.demoUserId);
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((sending) => sending.source === "panel")).toBe(true);
    expect(history.some((sending) => sending.recipients.some((recipient) => recipient.status !== "sent"))).toBe(true);
  });

  it("rejects a fixture with broken references, naming the problem", () => {
    const broken = { ...fixture, sendings: [{ ...fixture.sendings[0]!, serviceId: "00000000-0000-4000-8000-000000000000" }] };
    expect(simFixture.safeParse(broken).success).toBe(false);
    expect(() => parseFixture(broken)).toThrow(/unknown service/);
    expect(() => parseFixture({ ...fixture, users: fixture.users.map((user) => ({ ...user, demo: false })) })).toThrow(/demo/);
  });

  it("takes the demo key from YAZSANA_SIM_DEMO_KEY, else generates a fresh ysk_ key", async () => {
    process.env.YAZSANA_SIM_DEMO_KEY = "ysk_from_the_environment_0001";
    const fromEnv = await startSimulator({ tickMs: 0 });
    await fromEnv.close();
    expect(fromEnv.demoKey).toBe("ysk_from_the_environment_0001");

    delete process.env.YAZSANA_SIM_DEMO_KEY;
    const [a, b] = await Promise.all([startSimulator({ tickMs: 0 }), startSimulator({ tickMs: 0 })]);
    await Promise.all([a.close(), b.close()]);
    expect(a.demoKey).toMatch(/^ysk_[A-Za-z0-9_-]{32}$/);
    expect(a.demoKey).not.toBe(b.demoKey);
  });
});
