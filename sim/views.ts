import type { ApiVersion } from "./runtime";
import { costOf, formatMoney } from "./money";
import { findMember, isCompleted, priceFor, type SimMessage, type SimOrganization, type SimSending, type SimService, type SimUser } from "./state";

/** Wire shapes, as yazsana-api.md documents them. Money leaves as 6-place strings. */

export const userView = (user: SimUser) => ({
  id: user.id,
  username: user.username,
  email: user.email,
  createdAt: user.createdAt,
});

export function organizationView(organization: SimOrganization, userId: string) {
  const member = findMember(organization, userId)!;
  return {
    id: organization.id,
    name: organization.name,
    state: organization.state,
    memberCredit: formatMoney(member.memberCredit),
    permissions: [...member.permissions],
  };
}

export const serviceView = (service: SimService, organizationId: string | null) => ({
  id: service.id,
  name: service.name,
  type: service.type,
  currency: service.currency,
  unitPrice: formatMoney(costOf(priceFor(service, organizationId), 1)),
});

export function sendingView(sending: SimSending, apiVersion: ApiVersion) {
  const { counts } = sending;
  const failed = counts.not_sent + counts.no_signal;
  return {
    id: sending.id,
    completed: isCompleted(sending),
    sampleMessageText: sending.message,
    createdAt: new Date(sending.createdAt).toISOString(),
    // `source` arrived in 1.2.0.
    ...(apiVersion === "1.0.0" ? {} : { source: sending.source }),
    stats: {
      validSize: sending.messages.length,
      invalidSize: sending.invalidSize,
      nOfPending: counts.pending,
      nOfWaiting: counts.waiting,
      nOfCompleted: counts.sent,
      nOfFailed: failed,
      nOfRefunded: failed,
      totalCost: formatMoney(costOf(sending.unitPrice, sending.messages.length)),
      totalRefunded: formatMoney(costOf(sending.unitPrice, failed)),
    },
  };
}

export const messageView = (sending: SimSending, message: SimMessage, cost: string) => ({
  id: message.id,
  to: message.to,
  status: message.status,
  message: sending.message,
  cost,
  createdAt: new Date(sending.createdAt).toISOString(),
  updatedAt: new Date(message.updatedAt).toISOString(),
});
