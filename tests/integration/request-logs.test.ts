import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { noteLogContext } from "@/lib/log/log-context";
import { logYazsanaCalls } from "@/lib/log/log-yazsana-calls";
import { createPortalLogger } from "@/lib/log/logger";
import { rememberSecretForRedaction } from "@/lib/log/redacting-console";
import { installRequestLog, REQUEST_ID_HEADER } from "@/lib/log/request-log";
import { closeYazsanaDispatcher, getCurrentUser, setYazsanaCallObserver } from "@/lib/yazsana";
import { startTestSimulator, type TestSimulator } from "@/sim/testing";

/**
 * The request and upstream-call lines over real HTTP: a server wired like the
 * app (the request hook installed once, code noting the member and workspace
 * as it learns them) calls the simulator; both lines carry the same request id.
 */

let sim: TestSimulator;
let app: Server;
let appUrl: string;
const raw: string[] = [];
const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
const memberId = randomUUID();
const workspaceId = randomUUID();

beforeAll(async () => {
  sim = await startTestSimulator();
  process.env.YAZSANA_API_URL = sim.url;
  const logger = createPortalLogger({ destination: { write: (line: string) => void raw.push(line) }, level: "info" });
  installRequestLog(logger);
  logYazsanaCalls(logger);
  rememberSecretForRedaction(sim.demoKey);
  app = createServer((request, response) => {
    void (async () => {
      // What getCurrentUser / getWorkspaceContext note in the app.
      noteLogContext({ memberId, workspaceId, operation: "dashboard" });
      const seenId = request.headers[REQUEST_ID_HEADER];
      const user = await getCurrentUser({ apiKey: sim.demoKey });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ seenId, username: user.username }));
    })();
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(async () => {
  setYazsanaCallObserver(null);
  await closeYazsanaDispatcher();
  await new Promise((resolve) => app.close(resolve));
  await sim.close();
});

it("logs one JSON line per request and per upstream call, joined by the request id", async () => {
  const response = await fetch(`${appUrl}/dashboard?recipient=905551234567`);
  const body = (await response.json()) as { seenId: string };
  const requestId = response.headers.get(REQUEST_ID_HEADER);
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  // Server code reads the id from the request's headers.
  expect(body.seenId).toBe(requestId);

  await expect.poll(() => lines().filter((line) => line.msg === "request" && line.requestId === requestId)).toHaveLength(1);
  const request = lines().find((line) => line.msg === "request" && line.requestId === requestId)!;
  expect(request).toMatchObject({ level: "info", method: "GET", path: "/dashboard", status: 200, memberId, workspaceId, operation: "dashboard" });
  expect(request.durationMs).toEqual(expect.any(Number));

  const calls = lines().filter((line) => line.msg === "yazsana call" && line.requestId === requestId);
  expect(calls).toEqual([
    expect.objectContaining({ component: "yazsana", operation: "getCurrentUser", method: "GET", attempt: 1, status: 200, memberId, workspaceId, durationMs: expect.any(Number) }),
  ]);

  // Never the key, nor the query string's phone number.
  const output = raw.join("");
  expect(output).not.toContain(sim.demoKey);
  expect(output).not.toContain("905551234567");
});

it("keeps a well-formed request id from a proxy in front, and replaces one that could forge log fields", async () => {
  const kept = await fetch(`${appUrl}/reports`, { headers: { [REQUEST_ID_HEADER]: "lb-7f3a9c21e5" } });
  expect(kept.headers.get(REQUEST_ID_HEADER)).toBe("lb-7f3a9c21e5");
  const forged = await fetch(`${appUrl}/reports`, { headers: { [REQUEST_ID_HEADER]: 'x","level":"fatal' } });
  expect(forged.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
  await expect.poll(() => lines().filter((line) => line.msg === "request" && line.requestId === "lb-7f3a9c21e5")).toHaveLength(1);
  await Promise.all([kept.arrayBuffer(), forged.arrayBuffer()]);
});
