import type { MailOutcome } from "@/lib/email/send-mail";
import type { AppTranslator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import type { InviteRefusal } from "./create-invite";
import type { MemberChangeRefusal } from "./change-member-role";

/** What the members page says for each refusal, in the reader's language; one place, so actions stay thin. */
export function inviteRefusalMessage(
  refusal: InviteRefusal,
  maxPending: number,
  t: AppTranslator<"team">,
  locale: Locale,
): { field?: "email"; message: string } {
  switch (refusal.reason) {
    case "already_member":
    case "already_invited":
      return { field: "email", message: t(`refusals.${refusal.reason}`) };
    case "too_many_pending":
      return { message: t("refusals.too_many_pending", { max: maxPending }) };
    case "daily_limit":
      return { message: t("refusals.daily_limit", { when: tryAgainIn(refusal.retryAfterSeconds, locale) }) };
  }
}

export function memberRefusalMessage(refusal: MemberChangeRefusal, t: AppTranslator<"team">): string {
  return t(`refusals.${refusal.reason}`);
}

export function deliveryNote(outcome: MailOutcome, email: string, t: AppTranslator<"team">): string {
  return t(`delivery.${outcome}`, { email });
}
