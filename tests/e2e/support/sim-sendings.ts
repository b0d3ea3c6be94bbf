import { randomBytes } from "node:crypto";
import { e2eStack } from "./stack";

/** The fixture's "SMS Standart" service (sim/fixture.json). */
const STANDARD_SERVICE = "a93bf2e0-dffd-45c1-bb2b-49901c8be700";

/** A word no other test's messages contain, so a text filter isolates this test's sendings. */
export const uniqueToken = (prefix = "rpt") => `${prefix}${randomBytes(4).toString("hex")}`;

async function sim<T>(path: string, init: { method?: string; body?: unknown; key?: boolean } = {}): Promise<T> {
  const { simUrl, demoKey } = e2eStack();
  const response = await fetch(`${simUrl}${path}`, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...(init.key === false ? {} : { "x-api-key": demoKey }) },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`simulator ${path}: HTTP ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A sending in the demo user's personal context, made through the API as the portal would. */
export async function sendThroughApi(message: string, recipients = 1): Promise<string> {
  const to = Array.from({ length: recipients }, (_, index) => `90555${String(index).padStart(7, "0")}`);
  return (await sim<{ data: string }>("/sms-sendings/bulk", { body: { to, message, serviceId: STANDARD_SERVICE } })).data;
}

export const simAdmin = {
  pauseLifecycle: (paused: boolean) => sim("/__sim/lifecycle", { body: { paused }, key: false }),
  tick: (steps = 1) => sim("/__sim/tick", { body: { steps }, key: false }),
  addFault: (fault: Record<string, unknown>) => sim("/__sim/faults", { body: fault, key: false }),
  clearFaults: () => sim("/__sim/faults", { method: "DELETE", key: false }),
};
