import { MAX_BULK_RECIPIENTS } from "./handlers/send-sms";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AdminControls } from "./admin";
import type { YazsanaOperation } from "../lib/yazsana/routes";
import { FaultRegistry, type FaultSpec } from "./faults";
import { loadDefaultFixture, parseFixture, type SimFixture } from "./fixture";
import { stateFromFixture } from "./fixture-state";
import { advanceLifecycle } from "./lifecycle";
import { handleRequest } from "./request-handler";
import type { ApiVersion, SimRuntime } from "./runtime";
import { deserializeState, serializeState } from "./snapshot";
import { SnapshotWriter } from "./snapshot-writer";
import type { SimState } from "./state";

export type SimulatorOptions = {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  /** Default: the parsed sim/fixture.json. */
  fixture?: SimFixture;
  /** Overrides the demo user's API key (else YAZSANA_SIM_DEMO_KEY, else a random one). */
  demoKey?: string;
  /** Seeds message outcomes, so a run is reproducible. */
  seed?: number;
  /** Interval of the automatic lifecycle step; 0 = only POST /__sim/tick advances. */
  tickMs?: number;
  /** Load state from this file at start when present; write it (debounced, and on close). */
  snapshotFile?: string;
  /** Serve the /__sim/* test controls. */
  adminEnabled?: boolean;
  /** "1.0.0": one-based `page` on list endpoints, and sendings lack `source`. */
  apiVersion?: ApiVersion;
  /** Most numbers one bulk send may carry; default 250 000. Tests of chunking use a small one. */
  maxBulkRecipients?: number;
  /**
   * Called for every API request the simulator receives (not admin controls),
   * once its body is read and before any fault plays out: tests count attempts
   * where they arrive, and act while a request is being held open.
   */
  onRequest?: (request: SeenRequest) => void;
  /**
   * Also serve the API (and controls) on this port (0 = any free one), which
   * POST /__sim/refuse can close and reopen: the app under test calls it and
   * meets a refused connection, while tests keep steering through `url`.
   */
  refusablePort?: number;
};

/** What the simulator saw of one API request (no headers: they carry the key). */
export type SeenRequest = { operation: YazsanaOperation; fault?: FaultSpec["kind"] };

export type RunningSimulator = {
  url: string;
  /** The address on `refusablePort`, when asked for. */
  refusableUrl?: string;
  demoKey: string;
  close(): Promise<void>;
};

export const generateDemoKey = () => `ysk_${randomBytes(24).toString("base64url")}`;

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const fixture = options.fixture ? parseFixture(options.fixture) : loadDefaultFixture();
  const demoKey = options.demoKey || process.env.YAZSANA_SIM_DEMO_KEY || generateDemoKey();
  if (fixture.users.some((user) => !user.demo && user.apiKey === demoKey)) throw new Error("The demo key equals another fixture user's key");
  const apiKeys = new Map(fixture.users.map((user) => [user.id, user.demo ? demoKey : user.apiKey!]));
  const freshState = () => stateFromFixture(fixture, demoKey);

  const snapshot = options.snapshotFile
    ? new SnapshotWriter(options.snapshotFile, () => serializeState(runtime.state, Date.now()))
    : undefined;
  const runtime: SimRuntime = {
    state: restoreState(snapshot, apiKeys) ?? freshState(),
    seed: options.seed ?? 1,
    apiVersion: options.apiVersion ?? "1.2.0",
    maxBulkRecipients: options.maxBulkRecipients ?? MAX_BULK_RECIPIENTS,
    now: () => Date.now(),
    changed: () => snapshot?.schedule(),
  };
  const controls: AdminControls = {
    runtime,
    faults: new FaultRegistry(),
    enabled: options.adminEnabled ?? false,
    onRequest: options.onRequest,
    reset() {
      runtime.state = freshState();
      runtime.lifecyclePaused = false;
      controls.faults.clear();
      runtime.changed();
    },
  };

  // Bulk sends of 100k numbers take a moment to parse; don't let Node cut them off.
  const newServer = () => createServer({ requestTimeout: 120_000 }, (request, response) => void handleRequest(request, response, controls));
  const host = options.host ?? "127.0.0.1";
  const server = newServer();
  const address = await listen(server, options.port ?? 0, host);
  const refusable = options.refusablePort === undefined ? undefined : await refusableListener(newServer, options.refusablePort, host);
  controls.setRefusing = refusable?.setRefusing;

  const tickMs = options.tickMs ?? 1000;
  const timer =
    tickMs > 0
      ? setInterval(() => {
          if (runtime.lifecyclePaused) return;
          if (advanceLifecycle(runtime.state, runtime.seed, runtime.now()) > 0) runtime.changed();
        }, tickMs)
      : undefined;
  timer?.unref();

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(address.address)}:${address.port}`,
    ...(refusable && { refusableUrl: refusable.url }),
    demoKey,
    close: () =>
      (closing ??= (async () => {
        clearInterval(timer);
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Also ends requests held open by a "timeout" fault.
        server.closeAllConnections();
        await refusable?.setRefusing(true);
        await stopped;
        await snapshot?.flush(true);
      })()),
  };
}

/**
 * A second listener that can stop listening: while it refuses, connecting to
 * its port fails with ECONNREFUSED (nothing listens there) and connections it
 * had are cut, as when Yazsana's host is down. It reopens on the same port.
 */
async function refusableListener(newServer: () => Server, port: number, host: string) {
  let server: Server | undefined = newServer();
  const address = await listen(server, port, host);
  return {
    url: `http://${urlHost(address.address)}:${address.port}`,
    async setRefusing(refusing: boolean) {
      if (refusing && server) {
        const closing = server;
        server = undefined;
        const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
        closing.closeAllConnections();
        await closed;
      } else if (!refusing && !server) {
        const opening = newServer();
        await listen(opening, address.port, host);
        server = opening;
      }
    },
  };
}

function restoreState(snapshot: SnapshotWriter | undefined, apiKeys: ReadonlyMap<string, string>): SimState | undefined {
  const text = snapshot?.read();
  if (text === undefined) return undefined;
  try {
    return deserializeState(text, apiKeys);
  } catch (error) {
    console.warn(`Simulator: ignoring an unreadable snapshot (${(error as Error).message.split("\n")[0]}); starting from the fixture.`);
    return undefined;
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlHost(address: string): string {
  if (address === "0.0.0.0" || address === "::") return "127.0.0.1";
  return address.includes(":") ? `[${address}]` : address;
}
