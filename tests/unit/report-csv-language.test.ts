import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesCsvHeader } from "@/lib/reports/export-messages";
import { sendingsCsvHeader } from "@/lib/reports/export-sendings";
import { describeMessageStatus } from "@/lib/reports/message-status";
import { translatorFor } from "@/lib/i18n/translator";
import type en from "@/messages/en/reportExports.json";

const trCatalog: typeof en = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../messages/tr/reportExports.json"), "utf8"));

describe("CSV export headers", () => {
  it("keep exactly the English headers for English users (and by default)", () => {
    const sendings = [
      "Sending ID",
      "Created (UTC)",
      "Created (Europe/Istanbul)",
      "Message sample",
      "Source",
      "Sent by",
      "Valid recipients",
      "Invalid recipients",
      "Pending",
      "Waiting",
      "Completed",
      "Failed",
      "Refunded",
      "Total cost",
      "Total refunded",
      "Completed flag",
    ];
    expect(sendingsCsvHeader("Europe/Istanbul")).toEqual(sendings);
    expect(sendingsCsvHeader("Europe/Istanbul", "en")).toEqual(sendings);
    const messages = ["Message ID", "Recipient", "Status", "Status meaning", "Created (UTC)", "Updated (UTC)", "Updated (UTC)", "Cost", "Message", "Other fields"];
    expect(messagesCsvHeader("UTC", "en")).toEqual(messages);
  });

  it("are in Turkish for a Turkish exporter, with the zone named in the zoned column", () => {
    const sendings = sendingsCsvHeader("Europe/Istanbul", "tr");
    expect(sendings).toHaveLength(16);
    expect(sendings[0]).toBe(trCatalog.sendings.id);
    expect(sendings[2]).toBe(trCatalog.sendings.createdZoned.replace("{timeZone}", "Europe/Istanbul"));
    expect(sendings[5]).toBe(trCatalog.sendings.sentBy);
    expect(sendings[15]).toBe(trCatalog.sendings.completedFlag);
    expect(new Set(sendings).size).toBe(16);

    const messages = messagesCsvHeader("Europe/Istanbul", "tr");
    expect(messages).toEqual([
      trCatalog.messages.id,
      trCatalog.messages.recipient,
      trCatalog.messages.status,
      trCatalog.messages.statusMeaning,
      trCatalog.messages.createdUtc,
      trCatalog.messages.updatedUtc,
      trCatalog.messages.updatedZoned.replace("{timeZone}", "Europe/Istanbul"),
      trCatalog.messages.cost,
      trCatalog.messages.message,
      trCatalog.messages.otherFields,
    ]);
  });
});

describe("message status explanations", () => {
  it("name known statuses in the reader's language and keep unknown ones as Yazsana sent them", () => {
    const tr = translatorFor("tr", "reports");
    expect(describeMessageStatus("sent", tr)).toEqual({ label: tr("messageStatus.sent.label"), explanation: tr("messageStatus.sent.explanation"), known: true });
    expect(describeMessageStatus("sent", translatorFor("en", "reports"))).toEqual({ label: "Sent", explanation: "Delivered to the phone.", known: true });
    expect(describeMessageStatus("queued_v2", tr)).toEqual({ label: "queued_v2", explanation: tr("messageStatus.unknown"), known: false });
  });
});
