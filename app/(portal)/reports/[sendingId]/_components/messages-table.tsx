import { getTranslations } from "next-intl/server";
import type { SendingMessage } from "@/lib/yazsana";
import { otherFields } from "@/lib/reports/export-messages";
import { describeMessageStatus } from "@/lib/reports/message-status";
import { formatDecimal } from "@/lib/money/format-decimal";
import { viewerFormat } from "@/lib/reports/viewer-time-zone";
import { ZonedTime } from "../../_components/time-cell";
import { TableScroll } from "@/components/table-scroll";

const STATUS_CLASS: Record<string, string> = {
  pending: "bg-slate-100 text-slate-700",
  waiting: "bg-amber-50 text-amber-800",
  sent: "bg-blue-50 text-blue-800",
  not_sent: "bg-orange-50 text-orange-900",
  no_signal: "bg-pink-50 text-pink-900",
};

/** A sending's messages; fields Yazsana adds later are listed in the last column, wrapped, never widening the table. */
export async function MessagesTable({ messages }: { messages: SendingMessage[] }) {
  const [t, preferences] = await Promise.all([getTranslations("reports"), viewerFormat()]);
  return (
    <TableScroll label={t("messagesCaption")}>
      <table className="min-w-full table-fixed divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("messagesCaption")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="w-36 px-3 py-3">{t("columns.recipient")}</th>
            <th scope="col" className="w-72 px-3 py-3">{t("columns.status")}</th>
            <th scope="col" className="w-48 px-3 py-3">{t("columns.created")}</th>
            <th scope="col" className="w-48 px-3 py-3">{t("columns.updated")}</th>
            <th scope="col" className="w-24 px-3 py-3 text-right">{t("columns.cost")}</th>
            <th scope="col" className="w-56 px-3 py-3">{t("columns.otherDetails")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {messages.map((message) => {
            // An unknown status is shown exactly as Yazsana sent it.
            const status = describeMessageStatus(message.status, t);
            const extra = Object.entries(otherFields(message));
            return (
              <tr key={message.id}>
                <td className="px-3 py-3 font-mono">{message.to}</td>
                <td className="px-3 py-3">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_CLASS[message.status] ?? "bg-slate-100 text-slate-800"}`}>{status.label}</span>
                  <p className="mt-1 text-xs text-slate-600">{status.explanation}</p>
                </td>
                <td className="px-3 py-3 text-slate-600">{message.createdAt ? <ZonedTime iso={message.createdAt} preferences={preferences} /> : "—"}</td>
                <td className="px-3 py-3 text-slate-600">{message.updatedAt ? <ZonedTime iso={message.updatedAt} preferences={preferences} /> : "—"}</td>
                <td className="px-3 py-3 text-right font-mono">{message.cost ? formatDecimal(message.cost) : "—"}</td>
                <td className="px-3 py-3 text-xs text-slate-600">
                  {extra.length === 0 ? (
                    "—"
                  ) : (
                    <dl className="space-y-0.5 break-all">
                      {extra.map(([name, value]) => (
                        <div key={name}>
                          <dt className="inline font-medium">{name}: </dt>
                          <dd className="inline">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
