import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { renderChunkError, storedWorkerError, storedYazsanaError } from "@/lib/sending/chunk-error";
import { describeInvalidLine } from "@/lib/sending/describe-invalid-line";
import enSending from "@/messages/en/sending.json";
import trSending from "@/messages/tr/sending.json";
import enYazsana from "@/messages/en/yazsana.json";
import trYazsana from "@/messages/tr/yazsana.json";

const readers = {
  en: { yazsana: translatorFor("en", "yazsana"), sending: translatorFor("en", "sending") },
  tr: { yazsana: translatorFor("tr", "yazsana"), sending: translatorFor("tr", "sending") },
};

describe("stored chunk errors", () => {
  it("store a catalog key and show it in each reader's language", () => {
    const stored = storedYazsanaError({ key: "insufficientCredit" });
    expect(renderChunkError(stored, readers.en)).toBe(enYazsana.insufficientCredit);
    expect(renderChunkError(stored, readers.tr)).toBe(trYazsana.insufficientCredit);
    expect(enYazsana.insufficientCredit).not.toBe(trYazsana.insufficientCredit);
  });

  it("keep the values a sentence needs", () => {
    const stored = storedYazsanaError({ key: "upstreamRefused", values: { message: "Mesaj boş olamaz" } });
    expect(renderChunkError(stored, readers.tr)).toBe(readers.tr.yazsana("upstreamRefused", { message: "Mesaj boş olamaz" }));
    expect(renderChunkError(stored, readers.en)).toContain("Mesaj boş olamaz");
  });

  it("word the worker's own reasons from the sending catalog", () => {
    expect(renderChunkError(storedWorkerError("interrupted"), readers.en)).toBe(enSending.chunkErrors.interrupted);
    expect(renderChunkError(storedWorkerError("noKey"), readers.tr)).toBe(trSending.chunkErrors.noKey);
  });

  it("carry the English sentence for whoever reads the database", () => {
    expect(JSON.parse(storedWorkerError("noKey"))).toMatchObject({ text: enSending.chunkErrors.noKey });
    expect(JSON.parse(storedYazsanaError({ key: "timeoutSend" }))).toMatchObject({ text: enYazsana.timeoutSend });
  });

  it("show rows stored before codes as they were written, in any language", () => {
    const legacy = "Yazsana refused the request: Message is required.";
    expect(renderChunkError(legacy, readers.tr)).toBe(legacy);
    expect(renderChunkError(legacy, readers.en)).toBe(legacy);
    expect(renderChunkError("{not json", readers.tr)).toBe("{not json");
    expect(renderChunkError(null, readers.tr)).toBeNull();
  });

  it("fall back to the stored English when the catalog no longer has the key", () => {
    const stored = JSON.stringify({ ns: "yazsana", key: "aKeyRemovedLater", text: "An old English sentence." });
    expect(renderChunkError(stored, readers.tr)).toBe("An old English sentence.");
  });
});

describe("invalid lines", () => {
  it("show the problem in the reader's language, and older lines' English reason", () => {
    const line = { line: 2, value: "0212 123 45 67", reason: enSending.phone.landline };
    expect(describeInvalidLine(line, readers.tr.sending)).toBe(trSending.phone.landline);
    expect(describeInvalidLine(line, readers.en.sending)).toBe(enSending.phone.landline);
    expect(describeInvalidLine({ line: 4, value: "", reason: enSending.phone.noNumberInColumn }, readers.tr.sending)).toBe(trSending.phone.noNumberInColumn);
    expect(describeInvalidLine({ line: 3, value: "x", reason: "An older wording." }, readers.tr.sending)).toBe("An older wording.");
  });
});
