import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { responses } from "@/lib/yazsana/schemas";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";

let directory: string;
let snapshotFile: string;
beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), "yazsana-sim-"));
  snapshotFile = path.join(directory, "nested", "simulator.json");
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const bulk = async (sim: TestSimulator, count: number) =>
  (
    await sim.call<{ data: string }>("/sms-sendings/bulk", {
      method: "POST",
      body: { to: phoneNumbers(count), message: "Kalıcı geçmiş", serviceId: FIXTURE.services.fast },
    })
  ).json.data;
const listAll = async (sim: TestSimulator) => responses.listSendings.parse((await sim.call("/sms-sendings", { query: { limit: 100 } })).json).data;
const messagesOf = async (sim: TestSimulator, id: string) =>
  responses.listSendingMessages.parse((await sim.call(`/sms-sendings/${id}/messages`, { query: { limit: 100 } })).json).data.items;

describe("simulator snapshot", () => {
  it("keeps sendings, messages and credits across a restart, without storing any API key", async () => {
    const first = await startTestSimulator({ snapshotFile });
    const finished = await bulk(first, 40);
    await first.tick(2);
    const unfinished = await bulk(first, 5);
    const before = { sendings: await listAll(first), messages: await messagesOf(first, finished), accounts: await first.accounts() };
    await first.close();

    const text = readFileSync(snapshotFile, "utf8");
    expect(text).not.toContain(first.demoKey);
    expect(text).not.toContain(FIXTURE.otherUser.apiKey);

    const second = await startTestSimulator({ snapshotFile, demoKey: "ysk_a_different_key_after_restart" });
    try {
      expect(await listAll(second)).toEqual(before.sendings);
      expect(await messagesOf(second, finished)).toEqual(before.messages);
      expect(await second.accounts()).toEqual(before.accounts);
      expect((await second.call("/users/me", { key: first.demoKey })).status).toBe(401);
      expect((await second.call("/users/me", { key: FIXTURE.otherUser.apiKey })).status).toBe(200);

      // The unfinished sending picks up where it left off, and new ids keep coming.
      expect(await second.tick(2)).toBe(10);
      expect((await listAll(second)).items.find((sending) => sending.id === unfinished)!.completed).toBe(true);
      const later = await bulk(second, 1);
      expect((await listAll(second)).items[0]!.id).toBe(later);
    } finally {
      await second.close();
    }
  });

  it("writes a snapshot shortly after a change, not only on close", async () => {
    const sim = await startTestSimulator({ snapshotFile });
    try {
      await bulk(sim, 2);
      await vi.waitFor(() => expect(existsSync(snapshotFile)).toBe(true), { timeout: 3000, interval: 100 });
    } finally {
      await sim.close();
    }
  });

  it("starts from the fixture when the snapshot file is unreadable", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    writeFileSync(path.join(directory, "broken.json"), "{ nope");
    const sim = await startTestSimulator({ snapshotFile: path.join(directory, "broken.json") });
    try {
      expect((await listAll(sim)).total).toBe(3);
      expect(warn).toHaveBeenCalledOnce();
    } finally {
      await sim.close();
      warn.mockRestore();
    }
  });
});

describe("simulator reset", () => {
  it("restores the fixture's credits and history and clears faults", async () => {
    const sim = await startTestSimulator();
    try {
      const initial = await sim.accounts();
      await bulk(sim, 10);
      await sim.admin("POST", "/__sim/faults", { kind: "error", operation: "listOrganizations" });
      expect((await sim.accounts()).users).not.toEqual(initial.users);

      expect((await sim.admin("POST", "/__sim/reset")).status).toBe(200);
      expect(await sim.accounts()).toEqual(initial);
      expect((await listAll(sim)).total).toBe(3);
      expect((await sim.call("/users/me/organizations")).status).toBe(200);
      expect(await sim.tick()).toBe(0);
    } finally {
      await sim.close();
    }
  });
});
