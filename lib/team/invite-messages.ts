import type { AppTranslator } from "@/lib/i18n/translator";
import type { InviteLookup } from "./inspect-invite";

export type ClosedInviteState = Exclude<InviteLookup["state"], "open">;

/** The page (and action answer) for a link that can't be used; never says more than the state. */
export function closedInvite(state: ClosedInviteState, t: AppTranslator<"invite">): { title: string; text: string } {
  return { title: t(`closed.${state}.title`), text: t(`closed.${state}.text`) };
}
