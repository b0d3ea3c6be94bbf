import { z } from "zod";
import { faultSpec, type FaultRegistry } from "./faults";
import { notFound, parseJson, parseOr400, SimError } from "./http";
import { advanceLifecycle } from "./lifecycle";
import { formatMoney } from "./money";
import type { SimReply, SimRuntime } from "./runtime";
import type { SeenRequest } from "./server";

/**
 * Test controls under /__sim/. Only /__sim/health is always served (start
 * scripts poll it); everything else answers 404 unless admin is enabled, so a
 * demo simulator cannot be steered by whoever can reach its port.
 */
export const ADMIN_PREFIX = "/__sim/";

export type AdminControls = {
  runtime: SimRuntime;
  faults: FaultRegistry;
  enabled: boolean;
  reset(): void;
  /** Present when the simulator has a refusable port (see SimulatorOptions.refusablePort). */
  setRefusing?: (refusing: boolean) => Promise<void>;
  onRequest?: (request: SeenRequest) => void;
};

const tickBody = z.strictObject({ steps: z.number().int().min(1).max(10_000).default(1) });
const lifecycleBody = z.strictObject({ paused: z.boolean() });
const refuseBody = z.strictObject({ refusing: z.boolean() });

type AdminRequest = { method: string; pathname: string; rawBody: string; controls: AdminControls };
type AdminAction = (request: AdminRequest) => SimReply | Promise<SimReply>;

const bodyOf = (rawBody: string): unknown => (rawBody.trim() === "" ? {} : parseJson(rawBody));

const actions: Record<string, AdminAction> = {
  "POST /__sim/faults": ({ rawBody, controls }) => {
    const id = controls.faults.add(parseOr400(faultSpec, bodyOf(rawBody), "fault"));
    return { status: 201, body: { id } };
  },
  // Also reopens a refused port: every injected fault is gone.
  "DELETE /__sim/faults": async ({ controls }) => {
    controls.faults.clear();
    await controls.setRefusing?.(false);
    return { status: 204, body: undefined };
  },
  "POST /__sim/tick": ({ rawBody, controls: { runtime } }) => {
    const { steps } = parseOr400(tickBody, bodyOf(rawBody), "tick");
    const advanced = advanceLifecycle(runtime.state, runtime.seed, runtime.now(), steps);
    if (advanced > 0) runtime.changed();
    return { status: 200, body: { advanced } };
  },
  // Holds messages where they are (e.g. pending) so a test can watch a page before it moves them with /tick.
  "POST /__sim/lifecycle": ({ rawBody, controls: { runtime } }) => {
    runtime.lifecyclePaused = parseOr400(lifecycleBody, bodyOf(rawBody), "lifecycle").paused;
    return { status: 200, body: { paused: runtime.lifecyclePaused } };
  },
  // Closes (or reopens) the refusable port; answers once that is done, so the next call meets it.
  "POST /__sim/refuse": async ({ rawBody, controls }) => {
    const { refusing } = parseOr400(refuseBody, bodyOf(rawBody), "refuse");
    if (!controls.setRefusing) throw new SimError(409, "NO_REFUSABLE_PORT", "Start the simulator with a refusable port (YAZSANA_SIM_REFUSABLE_PORT)");
    await controls.setRefusing(refusing);
    return { status: 200, body: { refusing } };
  },
  "GET /__sim/accounts": ({ controls: { runtime } }) => ({ status: 200, body: accounts(runtime) }),
  "POST /__sim/reset": async ({ controls }) => {
    controls.reset();
    await controls.setRefusing?.(false);
    return { status: 200, body: { reset: true } };
  },
};

export function handleAdmin(request: AdminRequest): SimReply | Promise<SimReply> {
  if (request.method === "GET" && request.pathname === `${ADMIN_PREFIX}health`) return { status: 200, body: { ok: true } };
  if (!request.controls.enabled) throw notFound();
  const action = actions[`${request.method} ${request.pathname}`];
  if (!action) {
    const known = Object.keys(actions).some((key) => key.endsWith(` ${request.pathname}`));
    throw known ? new SimError(405, "METHOD_NOT_ALLOWED", "Method not allowed") : notFound();
  }
  return action(request);
}

/** Balances, so tests can assert exactly what a send charged and a failure refunded. */
function accounts({ state }: SimRuntime) {
  return {
    users: [...state.users.values()].map((user) => ({ id: user.id, username: user.username, credit: formatMoney(user.credit) })),
    organizations: [...state.organizations.values()].map((organization) => ({
      id: organization.id,
      name: organization.name,
      members: organization.members.map((member) => ({ userId: member.userId, memberCredit: formatMoney(member.memberCredit) })),
    })),
  };
}
