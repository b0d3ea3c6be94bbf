import { MESSAGE_STATUSES, type MessageStatus } from "../lib/yazsana/schemas";
import type { Money } from "./money";

/**
 * The simulator's whole world, held in memory. Sendings are indexed by the
 * context they were made in, and the ones still moving through the lifecycle
 * are kept apart so the timer never walks finished history.
 */

export type SendingSource = "api" | "panel";

export type SimUser = {
  id: string;
  username: string;
  email: string;
  createdAt: string;
  apiKey?: string;
  credit: Money;
  demo: boolean;
};

export type SimMember = { userId: string; memberCredit: Money; permissions: string[] };

export type SimOrganization = { id: string; name: string; state: boolean; members: SimMember[] };

export type SimService = {
  id: string;
  name: string;
  type: "sms";
  currency: string;
  unitPrice: string;
  active: boolean;
  organizationPrices: Record<string, string>;
};

export type SimMessage = { id: string; to: string; status: MessageStatus; updatedAt: number };

export type StatusCounts = Record<MessageStatus, number>;

export type SimSending = {
  id: string;
  /** Creation order; also feeds the outcome PRNG. */
  seq: number;
  userId: string;
  /** null = the user's personal context (charged to the user's own credit). */
  organizationId: string | null;
  serviceId: string;
  source: SendingSource;
  message: string;
  createdAt: number;
  /** Price per message at send time; a later price change must not rewrite history. */
  unitPrice: string;
  invalidSize: number;
  messages: SimMessage[];
  counts: StatusCounts;
  /** Indexes into `messages` of those still pending or waiting. */
  unfinished: number[];
  /** Bumped on every status change, so derived indexes know they are stale. */
  version: number;
};

export type SimState = {
  users: Map<string, SimUser>;
  usersByKey: Map<string, SimUser>;
  organizations: Map<string, SimOrganization>;
  services: Map<string, SimService>;
  sendings: Map<string, SimSending>;
  /** Per context, sorted by (createdAt, seq) ascending. */
  sendingsByContext: Map<string, SimSending[]>;
  /** Sendings with unfinished messages, in creation order. */
  active: Set<SimSending>;
  nextSeq: number;
};

export const FINISHED_STATUSES: ReadonlySet<MessageStatus> = new Set(["sent", "not_sent", "no_signal"]);
export const FAILED_STATUSES: ReadonlySet<MessageStatus> = new Set(["not_sent", "no_signal"]);

export function emptyState(): SimState {
  return {
    users: new Map(),
    usersByKey: new Map(),
    organizations: new Map(),
    services: new Map(),
    sendings: new Map(),
    sendingsByContext: new Map(),
    active: new Set(),
    nextSeq: 1,
  };
}

export const contextKey = (userId: string, organizationId: string | null) => `${userId}:${organizationId ?? "personal"}`;

export function countStatuses(messages: SimMessage[]): StatusCounts {
  const counts = Object.fromEntries(MESSAGE_STATUSES.map((status) => [status, 0])) as StatusCounts;
  for (const message of messages) counts[message.status] += 1;
  return counts;
}

export function isCompleted(sending: SimSending): boolean {
  return sending.counts.pending === 0 && sending.counts.waiting === 0;
}

export function addUser(state: SimState, user: SimUser) {
  state.users.set(user.id, user);
  if (user.apiKey) state.usersByKey.set(user.apiKey, user);
}

/** Indexes a sending whose messages, counts and unfinished list are already filled in. */
export function addSending(state: SimState, sending: SimSending) {
  state.sendings.set(sending.id, sending);
  state.nextSeq = Math.max(state.nextSeq, sending.seq + 1);
  const key = contextKey(sending.userId, sending.organizationId);
  const list = state.sendingsByContext.get(key) ?? [];
  state.sendingsByContext.set(key, list);
  // New sendings are the newest, so this walks back zero steps in practice.
  let at = list.length;
  while (at > 0 && compareSendings(list[at - 1]!, sending) > 0) at -= 1;
  list.splice(at, 0, sending);
  if (sending.unfinished.length > 0) state.active.add(sending);
}

function compareSendings(a: SimSending, b: SimSending) {
  return a.createdAt - b.createdAt || a.seq - b.seq;
}

export function findMember(organization: SimOrganization, userId: string): SimMember | undefined {
  return organization.members.find((member) => member.userId === userId);
}

/** The final price of a service in a context: an organization's own price wins. */
export function priceFor(service: SimService, organizationId: string | null): string {
  return (organizationId && service.organizationPrices[organizationId]) || service.unitPrice;
}
