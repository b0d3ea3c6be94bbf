import type { SenderLabel } from "@/lib/reports/find-senders";
import type { AppTranslator } from "@/lib/i18n/translator";

/** The member who sent it through the portal, else where it came from. */
export function SenderName({ sender, t }: { sender: SenderLabel | undefined; t: AppTranslator<"reports"> }) {
  if (sender?.kind === "member") return <span title={sender.email}>{sender.name}</span>;
  return <>{t(sender?.kind === "panel" ? "sender.panel" : "sender.api")}</>;
}
