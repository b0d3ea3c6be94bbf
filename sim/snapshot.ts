import { z } from "zod";
import { decimalString, messageStatus, sendingSource } from "../lib/yazsana/schemas";
import { formatMoney, money } from "./money";
import { addSending, addUser, countStatuses, emptyState, FINISHED_STATUSES, type SimState } from "./state";

/**
 * The on-disk form of the whole world, so the demo keeps its history across
 * restarts. API keys are deliberately left out: they come from the fixture
 * (and the demo key) at every start, so the file holds no secret. Messages are
 * tuples to keep a 100k-message sending's snapshot small.
 */

const SNAPSHOT_FORMAT = "yazsana-simulator-snapshot";

const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(1),
  savedAt: z.string(),
  nextSeq: z.number().int().min(1),
  users: z.array(
    z.object({ id: z.string(), username: z.string(), email: z.string(), createdAt: z.string(), credit: decimalString, demo: z.boolean() }),
  ),
  organizations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      state: z.boolean(),
      members: z.array(z.object({ userId: z.string(), memberCredit: decimalString, permissions: z.array(z.string()) })),
    }),
  ),
  services: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.literal("sms"),
      currency: z.string(),
      unitPrice: decimalString,
      active: z.boolean(),
      organizationPrices: z.record(z.string(), decimalString),
    }),
  ),
  sendings: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      userId: z.string(),
      organizationId: z.string().nullable(),
      serviceId: z.string(),
      source: sendingSource,
      message: z.string(),
      createdAt: z.number(),
      unitPrice: decimalString,
      invalidSize: z.number().int(),
      messages: z.array(z.tuple([z.string(), z.string(), messageStatus, z.number()])),
    }),
  ),
});

export function serializeState(state: SimState, savedAt: number): string {
  const snapshot: z.input<typeof snapshotSchema> = {
    format: SNAPSHOT_FORMAT,
    version: 1,
    savedAt: new Date(savedAt).toISOString(),
    nextSeq: state.nextSeq,
    users: [...state.users.values()].map((user) => ({
      id: user.id,
      username: user.username,
      email: user.email,
      createdAt: user.createdAt,
      credit: formatMoney(user.credit),
      demo: user.demo,
    })),
    organizations: [...state.organizations.values()].map((organization) => ({
      ...organization,
      members: organization.members.map((member) => ({ ...member, memberCredit: formatMoney(member.memberCredit) })),
    })),
    services: [...state.services.values()],
    // counts, unfinished and version are derived from the messages again on load.
    sendings: [...state.sendings.values()].map((sending) => ({
      id: sending.id,
      seq: sending.seq,
      userId: sending.userId,
      organizationId: sending.organizationId,
      serviceId: sending.serviceId,
      source: sending.source,
      message: sending.message,
      createdAt: sending.createdAt,
      unitPrice: sending.unitPrice,
      invalidSize: sending.invalidSize,
      messages: sending.messages.map((message) => [message.id, message.to, message.status, message.updatedAt] as const),
    })),
  };
  return JSON.stringify(snapshot);
}

/** Rebuilds a world from a snapshot; `apiKeys` (user id → key) supplies the keys it does not store. */
export function deserializeState(text: string, apiKeys: ReadonlyMap<string, string>): SimState {
  const snapshot = snapshotSchema.parse(JSON.parse(text));
  const state = emptyState();
  for (const user of snapshot.users) addUser(state, { ...user, apiKey: apiKeys.get(user.id), credit: money(user.credit) });
  for (const organization of snapshot.organizations) {
    state.organizations.set(organization.id, {
      ...organization,
      members: organization.members.map((member) => ({ ...member, memberCredit: money(member.memberCredit) })),
    });
  }
  for (const service of snapshot.services) state.services.set(service.id, service);
  for (const sending of [...snapshot.sendings].sort((a, b) => a.seq - b.seq)) {
    const messages = sending.messages.map(([id, to, status, updatedAt]) => ({ id, to, status, updatedAt }));
    addSending(state, {
      ...sending,
      messages,
      counts: countStatuses(messages),
      unfinished: messages.flatMap((message, index) => (FINISHED_STATUSES.has(message.status) ? [] : [index])),
      version: 0,
    });
  }
  state.nextSeq = Math.max(state.nextSeq, snapshot.nextSeq);
  return state;
}
