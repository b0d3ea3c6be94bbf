import { getTranslations } from "next-intl/server";
import type { SenderLabel } from "@/lib/reports/find-senders";

/** The member who sent it through the portal, else where it came from. */
export async function SenderName({ sender }: { sender: SenderLabel | undefined }) {
  const t = await getTranslations("reports");
  if (sender?.kind === "member") return <span title={sender.email}>{sender.name}</span>;
  return <>{t(sender?.kind === "panel" ? "sender.panel" : "sender.api")}</>;
}
