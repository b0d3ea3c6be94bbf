import type { AppTranslator } from "@/lib/i18n/translator";
import type { SendContextView } from "./load-send-context";

/** Why nothing may be sent in this context (in the reader's language), or null when sending is allowed. */
export function refusalForContext(view: SendContextView, t: AppTranslator<"sending">): string | null {
  if (view.status === "no_key") return t("refusal.noKey");
  if (view.status === "error") return view.message;
  const access = view.sendAccess;
  if (access.allowed) return null;
  if (access.reason === "missing_permission") {
    return t("refusal.missingPermission", { organization: access.organization?.name ?? "" }).replace("  ", " ");
  }
  return t("refusal.unreachable");
}
