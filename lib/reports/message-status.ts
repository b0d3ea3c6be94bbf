/** Plain-language names and explanations of Yazsana's message statuses; an unknown one is shown as it comes. */
const STATUS_TEXT: Record<string, { label: string; explanation: string }> = {
  pending: { label: "Pending", explanation: "Accepted by Yazsana, not yet handed to the operator." },
  waiting: { label: "Waiting", explanation: "Handed to the operator; waiting for the delivery report." },
  sent: { label: "Sent", explanation: "Delivered to the phone." },
  not_sent: { label: "Not sent", explanation: "The operator could not deliver it; the cost was refunded." },
  no_signal: { label: "No signal", explanation: "The phone was off or out of coverage until the message expired; the cost was refunded." },
};

export const MESSAGE_STATUS_OPTIONS = ["pending", "waiting", "sent", "not_sent", "no_signal"] as const;

export function describeMessageStatus(status: string): { label: string; explanation: string; known: boolean } {
  const known = STATUS_TEXT[status];
  return known ? { ...known, known: true } : { label: status, explanation: "A status this portal does not know yet, shown as Yazsana sent it.", known: false };
}
