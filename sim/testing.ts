import type { YazsanaOperation } from "../lib/yazsana/routes";
import { startSimulator, type RunningSimulator, type SeenRequest, type SimulatorOptions } from "./server";

/**
 * Helpers for tests and benchmarks that drive an in-process simulator over
 * real HTTP. The ids are those of sim/fixture.json (a test checks they match).
 */
export const FIXTURE = {
  demoUserId: "a07be66d-0f8a-443f-9fb9-d34e51f0390e",
  otherUser: { id: "55b799f0-e9c2-4ba0-b701-40d4a24d39a4", apiKey: "ysk_fixture_acme_ops_public_test_key_0001" },
  organizations: {
    /** Demo user may read and send. */
    kargo: "2bd9cb13-13f1-45d0-a8a5-3c1e53dc2ce7",
    /** Demo user may read but NOT send. */
    klinik: "40de66bd-785c-4d1b-b903-fa0508cccf8a",
    /** Disabled (state false); the demo user is a member. */
    disabled: "ad356666-150c-48fa-b4fe-0991977c52f5",
    /** The other user's; the demo user is not a member. */
    acme: "5da00720-ec98-4bc5-b753-65dd17188ca9",
  },
  services: {
    /** 0.012000, 0.010000 in kargo. */
    standard: "a93bf2e0-dffd-45c1-bb2b-49901c8be700",
    /** 0.025000 */
    fast: "e1a5f5c1-87b0-4bac-881a-913bad759343",
    /** 0.040000, 0.035000 in klinik. */
    otp: "4302e637-81c1-418d-af24-520fc57f716e",
    /** Inactive: not listed, cannot be sent with. */
    inactive: "9e7513e3-6b18-40f0-81d3-993218a3e3d2",
  },
} as const;

export type CallOptions = { key?: string | null; orgId?: string; method?: string; body?: unknown; query?: Record<string, string | number | boolean> };
export type CallResult<T = unknown> = { status: number; headers: Headers; json: T };

export type TestSimulator = RunningSimulator & {
  /** Calls the API as the demo user unless `key` says otherwise (null = no key). */
  call<T = unknown>(path: string, options?: CallOptions): Promise<CallResult<T>>;
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<CallResult<T>>;
  tick(steps?: number): Promise<number>;
  accounts(): Promise<Accounts>;
  /** Personal credit of a user, or member credit in an organization. */
  credit(userId: string, organizationId?: string): Promise<string>;
  /** Every API request the simulator received, oldest first (tests may empty it). */
  seen: SeenRequest[];
  /** Resolves once the simulator has received a request for `operation` (already, or later). */
  received(operation: YazsanaOperation): Promise<void>;
};

export type Accounts = {
  users: Array<{ id: string; username: string; credit: string }>;
  organizations: Array<{ id: string; name: string; members: Array<{ userId: string; memberCredit: string }> }>;
};

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const seen: SeenRequest[] = [];
  const waiting: Array<{ operation: YazsanaOperation; resolve: () => void }> = [];
  const running = await startSimulator({
    port: 0,
    adminEnabled: true,
    tickMs: 0,
    ...options,
    onRequest(request) {
      seen.push(request);
      for (const waiter of waiting.filter((candidate) => candidate.operation === request.operation)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
      options.onRequest?.(request);
    },
  });

  async function request<T>(method: string, path: string, headers: Record<string, string>, body: unknown): Promise<CallResult<T>> {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : undefined) as T };
  }

  const simulator: TestSimulator = {
    ...running,
    call(path, { key, orgId, method = "GET", body, query } = {}) {
      const headers: Record<string, string> = {};
      const apiKey = key === undefined ? running.demoKey : key;
      if (apiKey !== null) headers["x-api-key"] = apiKey;
      if (orgId) headers["x-org-id"] = orgId;
      const search = query ? `?${new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]))}` : "";
      return request(method, `${path}${search}`, headers, body);
    },
    admin: (method, path, body) => request(method, path, {}, body),
    async tick(steps = 1) {
      return (await simulator.admin<{ advanced: number }>("POST", "/__sim/tick", { steps })).json.advanced;
    },
    async accounts() {
      return (await simulator.admin<Accounts>("GET", "/__sim/accounts")).json;
    },
    seen,
    received(operation) {
      if (seen.some((request) => request.operation === operation)) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ operation, resolve }));
    },
    async credit(userId, organizationId) {
      const accounts = await simulator.accounts();
      if (!organizationId) return accounts.users.find((user) => user.id === userId)!.credit;
      const organization = accounts.organizations.find((candidate) => candidate.id === organizationId)!;
      return organization.members.find((member) => member.userId === userId)!.memberCredit;
    },
  };
  return simulator;
}

/** `count` distinct valid numbers: 9055xxxxxxxx counting up from `first`. */
export function phoneNumbers(count: number, first = 0): string[] {
  return Array.from({ length: count }, (_, index) => `9055${String(first + index).padStart(8, "0")}`);
}
