import type { AppTranslator } from "@/lib/i18n/translator";

export const MESSAGE_STATUS_OPTIONS = ["pending", "waiting", "sent", "not_sent", "no_signal"] as const;
type KnownStatus = (typeof MESSAGE_STATUS_OPTIONS)[number];

const isKnown = (status: string): status is KnownStatus => (MESSAGE_STATUS_OPTIONS as readonly string[]).includes(status);

/** Plain-language name and explanation of a Yazsana message status, in the reader's language; an unknown one is shown as it comes. */
export function describeMessageStatus(status: string, t: AppTranslator<"reports">): { label: string; explanation: string; known: boolean } {
  if (!isKnown(status)) return { label: status, explanation: t("messageStatus.unknown"), known: false };
  return { label: t(`messageStatus.${status}.label`), explanation: t(`messageStatus.${status}.explanation`), known: true };
}
