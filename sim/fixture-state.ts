import type { ParsedSimFixture } from "./fixture";
import { stableId } from "./ids";
import { money } from "./money";
import { addSending, addUser, countStatuses, emptyState, FINISHED_STATUSES, priceFor, type SimState } from "./state";

/** Builds a fresh world from a validated fixture; the demo user gets `demoKey`. */
export function stateFromFixture(fixture: ParsedSimFixture, demoKey: string): SimState {
  const state = emptyState();
  for (const user of fixture.users) {
    addUser(state, {
      id: user.id,
      username: user.username,
      email: user.email,
      createdAt: user.createdAt,
      apiKey: user.demo ? demoKey : user.apiKey,
      credit: money(user.credit),
      demo: user.demo,
    });
  }
  for (const org of fixture.organizations) {
    state.organizations.set(org.id, {
      id: org.id,
      name: org.name,
      state: org.state,
      members: org.members.map((member) => ({ ...member, memberCredit: money(member.memberCredit) })),
    });
  }
  for (const service of fixture.services) state.services.set(service.id, { ...service });

  const history = [...fixture.sendings].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  for (const seeded of history) {
    const createdAt = Date.parse(seeded.createdAt);
    const messages = seeded.recipients.map((recipient, index) => ({
      id: stableId(`${seeded.id}:${index}`),
      to: recipient.to,
      status: recipient.status,
      updatedAt: createdAt,
    }));
    const service = state.services.get(seeded.serviceId)!;
    addSending(state, {
      id: seeded.id,
      seq: state.nextSeq,
      userId: seeded.userId,
      organizationId: seeded.organizationId,
      serviceId: seeded.serviceId,
      source: seeded.source,
      message: seeded.message,
      createdAt,
      unitPrice: priceFor(service, seeded.organizationId),
      invalidSize: seeded.invalidSize,
      messages,
      counts: countStatuses(messages),
      unfinished: messages.flatMap((message, index) => (FINISHED_STATUSES.has(message.status) ? [] : [index])),
      version: 0,
    });
  }
  return state;
}
