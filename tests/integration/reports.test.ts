import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { createAccount } from "@/lib/auth/create-account";
import { csvDownload } from "@/lib/reports/csv-response";
import { sendingsCsvHeader, sendingsCsvRows } from "@/lib/reports/export-sendings";
import { messagesCsvHeader, messagesCsvRows } from "@/lib/reports/export-messages";
import { loadSendingReport } from "@/lib/reports/load-sending-report";
import { listReportSendings, loadSendingsReport } from "@/lib/reports/load-sendings-report";
import { parseMessagesFilters } from "@/lib/reports/messages-filters";
import { reportsAccess, reportsAccessWithRead } from "@/lib/reports/reports-access";
import { parseSendingsFilters } from "@/lib/reports/sendings-filters";
import { saveOrgContextChoice } from "@/lib/workspaces/org-context";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { closeYazsanaDispatcher, type YazsanaContext } from "@/lib/yazsana";
import { loadDefaultFixture } from "@/sim/fixture";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { FIXTURE } from "@/sim/testing";
import { startRecordingProxy, type RecordingProxy } from "../support/recording-proxy";

/**
 * Reports against the simulator over HTTP, through a proxy that records what
 * the portal put on the wire: the URL → upstream mapping, date boundaries in
 * a non-UTC zone, paging past the end, 404s, access and the CSV exports.
 */

const DEMO_KEY = "ysk_test_reports_demo_key_000000001";
const NO_READ_ORG = "22222222-2222-4222-8222-000000000001";
const id = (n: number) => `11111111-1111-4111-8111-00000000000${n}`;
const recipients = (status: "sent" | "pending", count = 2) => Array.from({ length: count }, (_, i) => ({ to: `90555000000${i}`, status }));
const FORMULA = '=HYPERLINK("http://evil.example","tıkla")';

const base = loadDefaultFixture();
const personal = (n: number, createdAt: string, message: string, source: "api" | "panel", status: "sent" | "pending" = "sent") => ({
  id: id(n),
  userId: FIXTURE.demoUserId,
  organizationId: null,
  serviceId: FIXTURE.services.standard,
  source,
  message,
  createdAt,
  invalidSize: 0,
  recipients: recipients(status),
});
const fixture = {
  ...base,
  organizations: [
    ...base.organizations,
    { id: NO_READ_ORG, name: "Rapor Yok", state: true, members: [{ userId: FIXTURE.demoUserId, memberCredit: "10.000000", permissions: ["organization.sms.send"] }] },
  ],
  sendings: [
    ...base.sendings,
    // Around midnight in Istanbul (UTC+3) between 9 and 11 March 2025.
    personal(1, "2025-03-09T20:59:59.000Z", "Gece yarısından önce", "panel"),
    personal(2, "2025-03-09T21:00:00.000Z", "Gece yarısı tam", "api"),
    personal(3, "2025-03-10T20:59:59.999Z", "Günün son anı", "api"),
    personal(4, "2025-03-10T21:00:00.000Z", "Ertesi gün", "panel"),
    personal(5, "2025-04-01T10:00:00.000Z", FORMULA, "api", "pending"),
  ],
};
/** The demo user's personal sendings, newest first: the fixture's three plus ours. */
const PERSONAL_TOTAL = 8;

let sim: RunningSimulator;
let proxy: RecordingProxy;
let context: WorkspaceContext;
let yazsana: YazsanaContext;
const originalEnv = { ...process.env };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, adminEnabled: true, tickMs: 0, demoKey: DEMO_KEY, fixture });
  proxy = await startRecordingProxy(sim.url);
  process.env.YAZSANA_API_URL = proxy.url;
  process.env.YAZSANA_MAX_RETRIES = "0";
  process.env.KEY_ENCRYPTION_KEYS = `v1:${randomBytes(32).toString("base64")}`;
  const account = await createAccount({ name: "Ayşe", email: `reports-${randomUUID()}@example.com`, password: "a long test passphrase", workspaceName: "Rapor A.Ş." });
  if (!account.ok) throw new Error("account not created");
  await saveApiKey({ workspaceId: account.workspaceId, actorId: account.userId, apiKey: DEMO_KEY, verifiedUser: { id: FIXTURE.demoUserId, username: "demo", email: "demo@example.com" } });
  context = { user: { id: account.userId, email: "a@example.com", name: "Ayşe", currentWorkspaceId: account.workspaceId, locale: null, timeZone: null }, workspace: { id: account.workspaceId, name: "Rapor A.Ş." }, role: "viewer" };
  const access = await reportsAccess(context);
  if (!access.allowed) throw new Error(access.message);
  yazsana = access.yazsana;
});

beforeEach(() => {
  proxy.requests.length = 0;
  proxy.transform = null;
  proxy.hold = null;
});

afterAll(async () => {
  await proxy?.close();
  await sim?.close();
  await closeYazsanaDispatcher();
  process.env = originalEnv;
});

const lastListQuery = () => proxy.requests.filter((request) => request.path === "/sms-sendings").at(-1)?.query;

async function sendings(raw: Record<string, string>, timeZone = "Europe/Istanbul") {
  const { filters } = parseSendingsFilters(raw);
  const report = await loadSendingsReport(yazsana, context.workspace.id, filters, timeZone);
  if (report.status !== "ok") throw new Error(report.error.message);
  return { ...report, ids: report.page.items.map((sending) => sending.id), upstream: lastListQuery() };
}

describe("the /reports URL on the wire", () => {
  it("asks for page 0 of 20 by default and lists the context's sendings newest first", async () => {
    const { upstream, page, ids } = await sendings({});
    expect(upstream).toEqual({ page: "0", limit: "20" });
    expect(page.total).toBe(PERSONAL_TOTAL);
    expect(ids.slice(0, 2)).toEqual(["e219f666-e8e6-4e52-9a66-c58fadd1b2f4", "cf2521e2-af8d-46c5-8563-a78af2dcff1c"]);
    expect(ids.at(-1)).toBe(id(1));
  });

  it("maps each parameter alone", async () => {
    expect((await sendings({ page: "2", limit: "10" })).upstream).toEqual({ page: "1", limit: "10" });
    const api = await sendings({ source: "api" });
    expect(api.upstream).toEqual({ page: "0", limit: "20", source: "api" });
    expect(api.ids.sort()).toEqual([id(2), id(3), id(5)]);
    expect((await sendings({ source: "panel" })).page.total).toBe(5);
    const open = await sendings({ completed: "no" });
    expect(open.upstream).toEqual({ page: "0", limit: "20", completed: "false" });
    expect(open.ids).toEqual([id(5)]);
    expect((await sendings({ completed: "yes" })).upstream).toMatchObject({ completed: "true" });
    const text = await sendings({ text: "GECE" });
    expect(text.upstream).toEqual({ page: "0", limit: "20", text: "GECE" });
    expect(text.ids).toEqual([id(2), id(1)]);
    expect((await sendings({ from: "2025-03-10" })).upstream).toEqual({ page: "0", limit: "20", startDate: "2025-03-09T21:00:00.000Z" });
    expect((await sendings({ to: "2025-03-10" })).upstream).toEqual({ page: "0", limit: "20", endDate: "2025-03-10T20:59:59.999Z" });
  });

  it("takes a day from midnight to midnight in the viewer's zone, not UTC's", async () => {
    const istanbul = await sendings({ from: "2025-03-10", to: "2025-03-10" }, "Europe/Istanbul");
    expect(istanbul.upstream).toEqual({ page: "0", limit: "20", startDate: "2025-03-09T21:00:00.000Z", endDate: "2025-03-10T20:59:59.999Z" });
    expect(istanbul.ids).toEqual([id(3), id(2)]);
    const utc = await sendings({ from: "2025-03-10", to: "2025-03-10" }, "UTC");
    expect(utc.upstream).toMatchObject({ startDate: "2025-03-10T00:00:00.000Z", endDate: "2025-03-10T23:59:59.999Z" });
    expect(utc.ids).toEqual([id(4), id(3)]);
  });

  it("combines every parameter", async () => {
    const combined = await sendings({ from: "2025-03-01", to: "2025-03-10", source: "api", completed: "yes", text: "gün", limit: "10", page: "1" });
    expect(combined.upstream).toEqual({
      page: "0",
      limit: "10",
      startDate: "2025-02-28T21:00:00.000Z",
      endDate: "2025-03-10T20:59:59.999Z",
      completed: "true",
      text: "gün",
      source: "api",
    });
    expect(combined.ids).toEqual([id(3)]);
  });

  it("a page past the end comes back empty with the real page count, for the link to the last page", async () => {
    const past = await sendings({ page: "7", limit: "10" });
    expect(past.upstream).toEqual({ page: "6", limit: "10" });
    expect(past.page.items).toEqual([]);
    expect(past.page.total).toBe(PERSONAL_TOTAL);
    expect(past.pageCount).toBe(1);
  });

  it("malformed parameters reach the upstream as defaults", async () => {
    const { upstream, page } = await sendings({ page: "abc", limit: "-5", source: "<script>", completed: "maybe", from: "2025-03-10", to: "2025-03-01" });
    expect(upstream).toEqual({ page: "0", limit: "20" });
    expect(page.total).toBe(PERSONAL_TOTAL);
  });
});

describe("a sending's report", () => {
  const messages = (sendingId: string, raw: Record<string, string> = {}) =>
    loadSendingReport(yazsana, context.workspace.id, sendingId, parseMessagesFilters(raw).filters);

  it("shows its stats and messages, with status and text filters on the wire", async () => {
    const report = await messages("30a97eab-3383-4176-b1fa-3c0111f42590", { status: "not_sent", limit: "10" });
    if (report.status !== "ok") throw new Error(report.status);
    expect(proxy.requests.find((request) => request.path.endsWith("/messages"))?.query).toEqual({ page: "0", limit: "10", status: "not_sent" });
    expect(report.messages.items.length).toBeGreaterThan(0);
    expect(report.messages.items.every((message) => message.status === "not_sent")).toBe(true);
    expect(report.sending).toMatchObject({ id: "30a97eab-3383-4176-b1fa-3c0111f42590", completed: true, stats: { validSize: 6 } });
    expect(report.sender).toEqual({ kind: "panel" });
  });

  it("looks for the sending's stats in the ten seconds around its messages' time first", async () => {
    const report = await messages("30a97eab-3383-4176-b1fa-3c0111f42590");
    if (report.status !== "ok") throw new Error(report.status);
    const listings = proxy.requests.filter((request) => request.path === "/sms-sendings");
    expect(listings).toHaveLength(1);
    const { startDate, endDate } = listings[0]!.query as { startDate: string; endDate: string };
    expect(Date.parse(endDate) - Date.parse(startDate)).toBe(10_000);
    expect(Date.parse(report.messages.items[0]!.createdAt!) - Date.parse(startDate)).toBe(5_000);
  });

  it("answers not found for another user's, another context's, an unknown and a malformed id", async () => {
    expect(await messages("0cdc7385-5c7c-443e-9db7-3f9c91b2374b")).toEqual({ status: "not_found" }); // acme-ops' sending
    expect(await messages("b42bd48a-8747-46e7-9118-b7d77fc7b296")).toEqual({ status: "not_found" }); // the demo user's, but in Kargo
    expect(await messages(randomUUID())).toEqual({ status: "not_found" });
    const before = proxy.requests.length;
    expect(await messages("../users/me")).toEqual({ status: "not_found" });
    expect(proxy.requests.length).toBe(before);
  });

  it("finds an organization's sending only in that organization's context", async () => {
    await saveOrgContextChoice(context.user.id, context.workspace.id, FIXTURE.organizations.kargo);
    try {
      const access = await reportsAccess(context);
      if (!access.allowed) throw new Error(access.message);
      expect(access.yazsana.organizationId).toBe(FIXTURE.organizations.kargo);
      const report = await loadSendingReport(access.yazsana, context.workspace.id, "b42bd48a-8747-46e7-9118-b7d77fc7b296", parseMessagesFilters({}).filters);
      expect(report).toMatchObject({ status: "ok", messages: { total: 8 } });
    } finally {
      await saveOrgContextChoice(context.user.id, context.workspace.id, null);
    }
  });
});

describe("who may read reports", () => {
  it("no session is 401; an organization without organization.sms.read is 403; a viewer in personal credit may", async () => {
    expect(await reportsAccess(null)).toMatchObject({ allowed: false, status: 401 });
    expect(await reportsAccess(context)).toMatchObject({ allowed: true });
    await saveOrgContextChoice(context.user.id, context.workspace.id, NO_READ_ORG);
    try {
      expect(await reportsAccess(context)).toMatchObject({ allowed: false, status: 403, reason: "missing_permission" });
    } finally {
      await saveOrgContextChoice(context.user.id, context.workspace.id, null);
    }
  });
});

describe("an organization context's permission check and listing", () => {
  const listings = () => proxy.requests.filter((request) => request.path === "/sms-sendings");
  const listingsFor = async (organizationId: string | null) => {
    await saveOrgContextChoice(context.user.id, context.workspace.id, organizationId);
    const { filters } = parseSendingsFilters({});
    return { filters, ...(await reportsAccessWithRead(context, (yazsana) => listReportSendings(yazsana, filters, "UTC"))) };
  };
  afterEach(() => saveOrgContextChoice(context.user.id, context.workspace.id, null));

  it("asks for the listing while the check is still out, and uses that one answer once the check passes", async () => {
    // The organizations answer is held until the listing has been asked for: a
    // listing that waited for the check would arrive only after 5 s, too late.
    let listedDuringCheck = false;
    proxy.hold = async (path) => {
      if (path !== "/users/me/organizations") return;
      for (let waited = 0; waited < 5_000 && listings().length === 0; waited += 20) await sleep(20);
      listedDuringCheck = listings().length > 0;
    };
    const { access, early, filters } = await listingsFor(FIXTURE.organizations.kargo);
    expect(listedDuringCheck).toBe(true);
    expect(access).toMatchObject({ allowed: true, yazsana: { organizationId: FIXTURE.organizations.kargo } });
    if (!access.allowed) throw new Error(access.message);
    const report = await loadSendingsReport(access.yazsana, context.workspace.id, filters, "UTC", early);
    expect(report).toMatchObject({ status: "ok", page: { items: expect.arrayContaining([expect.objectContaining({ id: "b42bd48a-8747-46e7-9118-b7d77fc7b296" })]) } });
    expect(listings()).toHaveLength(1);
  });

  it("gives nothing of the listing when the organization does not let the key read reports", async () => {
    const { access, early } = await listingsFor(NO_READ_ORG);
    expect(access).toMatchObject({ allowed: false, status: 403, reason: "missing_permission" });
    expect(early).toBeUndefined();
  });

  it("drops the early listing when the saved organization is gone and the context falls back to personal credit", async () => {
    const { access, early, filters } = await listingsFor(randomUUID());
    expect(access).toMatchObject({ allowed: true, yazsana: { organizationId: null } });
    expect(early).toBeUndefined();
    if (!access.allowed) throw new Error(access.message);
    const report = await loadSendingsReport(access.yazsana, context.workspace.id, filters, "UTC", early);
    expect(report).toMatchObject({ status: "ok", page: { total: PERSONAL_TOTAL } });
  });
});

const admin = (path: string, body?: unknown) =>
  fetch(`${sim.url}${path}`, { method: body === undefined ? "DELETE" : "POST", headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

describe("when Yazsana fails", () => {
  it("each failure kind comes back as its own message, for the page and for the CSV download", async () => {
    const cases = [
      { fault: { kind: "error", status: 503 }, kind: "unavailable", httpStatus: 503 },
      { fault: { kind: "rate_limit", retryAfterSeconds: 7 }, kind: "rate_limited", httpStatus: 429 },
      { fault: { kind: "malformed" }, kind: "malformed_response", httpStatus: 502 },
    ] as const;
    for (const { fault, kind, httpStatus } of cases) {
      await admin("/__sim/faults", { ...fault, operation: "listSendings", times: 2 });
      const report = await loadSendingsReport(yazsana, context.workspace.id, parseSendingsFilters({}).filters, "UTC");
      expect(report).toMatchObject({ status: "error", error: { kind } });
      const response = await csvDownload("sendings", "2025-06-01", sendingsCsvHeader("UTC"), sendingsCsvRows(yazsana, context.workspace.id, parseSendingsFilters({}).filters, "UTC"));
      expect(response.status).toBe(httpStatus);
      const text = await response.text();
      expect(text).toBe(`${report.status === "error" ? report.error.message : ""}\n`);
      expect(text).not.toContain(DEMO_KEY);
    }
    expect((await loadSendingsReport(yazsana, context.workspace.id, parseSendingsFilters({}).filters, "UTC")).status).toBe("ok");
  });
});

const unquote = (raw: string) => {
  const cell = raw.replace(/,$/, "");
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
};

function parseCsv(text: string): string[][] {
  // Good enough for these files: no newline inside a cell.
  return text.replace(/\r\n$/, "").split("\r\n").map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map(unquote));
}

describe("CSV exports", () => {
  it("streams every matching sending with a BOM, the viewer's date in the file name and formulas defused", async () => {
    const response = await csvDownload("sendings", "2025-06-01", sendingsCsvHeader("Europe/Istanbul"), sendingsCsvRows(yazsana, context.workspace.id, parseSendingsFilters({ limit: "10", page: "3" }).filters, "Europe/Istanbul"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="sendings-2025-06-01.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(sendingsCsvHeader("Europe/Istanbul"));
    // Paging does not limit an export: every sending of the context, newest first.
    expect(rows).toHaveLength(PERSONAL_TOTAL + 1);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""tıkla"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).toContain("Gece yarısı tam");
    const first = rows.find((row) => row[0] === id(3))!;
    expect(first.slice(1, 3)).toEqual(["2025-03-10T20:59:59.999Z", "2025-03-10 23:59:59"]);
    expect(first.at(-3)).toBe("0.024000");
    expect(text).not.toContain(DEMO_KEY);
  });

  it("honours the filters", async () => {
    const response = await csvDownload("sendings", "2025-06-01", sendingsCsvHeader("UTC"), sendingsCsvRows(yazsana, context.workspace.id, parseSendingsFilters({ source: "api", completed: "yes" }).filters, "UTC"));
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows.slice(1).map((row) => row[0]).sort()).toEqual([id(2), id(3)]);
  });

  it("exports a sending's messages by status, keeping fields Yazsana adds later", async () => {
    proxy.transform = (path, body) => {
      if (!path.endsWith("/messages")) return body;
      const envelope = body as { data: { items: Array<Record<string, unknown>> } };
      envelope.data.items = envelope.data.items.map((item) => ({ ...item, operatorCode: "TR-TC" }));
      return envelope;
    };
    const filters = parseMessagesFilters({ status: "sent" }).filters;
    const response = await csvDownload("messages", "2025-06-01", messagesCsvHeader("UTC"), messagesCsvRows(yazsana, "30a97eab-3383-4176-b1fa-3c0111f42590", filters, "UTC"));
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(messagesCsvHeader("UTC"));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) {
      expect(row[2]).toBe("sent");
      expect(row[3]).toBe("Sent");
      expect(row.at(-1)).toBe('{"operatorCode":"TR-TC"}');
    }
    const unknown = await csvDownload("messages", "2025-06-01", messagesCsvHeader("UTC"), messagesCsvRows(yazsana, randomUUID(), filters, "UTC"));
    expect(unknown.status).toBe(404);
  });
});
