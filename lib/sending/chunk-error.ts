import type { Messages } from "next-intl";
import { translatorFor, type AppTranslator } from "@/lib/i18n/translator";
import type { YazsanaErrorMessage } from "@/lib/yazsana";

type ChunkErrorKey = keyof Messages["sending"]["chunkErrors"];

/**
 * Why a campaign chunk failed, as the worker stores it (send_records.error_message
 * and campaigns.stop_reason): a catalog key and its values, so each reader sees
 * it in their own language, plus the English sentence for whoever reads the
 * database or a log. The worker has no reader, so it can't word it for one.
 */
export type StoredChunkError =
  | { ns: "yazsana"; key: YazsanaErrorMessage["key"]; values?: YazsanaErrorMessage["values"]; text: string }
  | { ns: "sending"; key: ChunkErrorKey; text: string };

/** The stored form of a Yazsana error (from yazsanaErrorMessage). */
export function storedYazsanaError({ key, values }: YazsanaErrorMessage): string {
  const text = translatorFor("en", "yazsana")(key, values);
  return JSON.stringify({ ns: "yazsana", key, ...(values && { values }), text } satisfies StoredChunkError);
}

/** The stored form of one of the worker's own reasons (sending.chunkErrors.<key>). */
export function storedWorkerError(key: ChunkErrorKey): string {
  return JSON.stringify({ ns: "sending", key, text: translatorFor("en", "sending")(`chunkErrors.${key}`) } satisfies StoredChunkError);
}

function parse(stored: string): StoredChunkError | null {
  if (!stored.startsWith("{")) return null;
  try {
    const value = JSON.parse(stored) as Partial<StoredChunkError>;
    return typeof value.key === "string" && typeof value.text === "string" && (value.ns === "yazsana" || value.ns === "sending")
      ? (value as StoredChunkError)
      : null;
  } catch {
    return null;
  }
}

/**
 * A stored chunk error in the reader's language. Rows written before codes
 * were stored hold an English sentence, shown as it is; a key the catalog no
 * longer has falls back to the stored English text.
 */
export function renderChunkError(stored: string | null, t: { yazsana: AppTranslator<"yazsana">; sending: AppTranslator<"sending"> }): string | null {
  if (stored === null) return null;
  const parsed = parse(stored);
  if (!parsed) return stored;
  if (parsed.ns === "yazsana") return t.yazsana.has(parsed.key) ? t.yazsana(parsed.key, parsed.values) : parsed.text;
  return t.sending.has(`chunkErrors.${parsed.key}`) ? t.sending(`chunkErrors.${parsed.key}`) : parsed.text;
}
