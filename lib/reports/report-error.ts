import "server-only";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { describeYazsanaError, isYazsanaError, type YazsanaErrorKind } from "@/lib/yazsana";
import { componentLogger } from "@/lib/log/logger";

/** An upstream failure, as a report shows it: its kind (each gets its own wording) and a safe sentence. */
export type ReportError = { kind: YazsanaErrorKind; message: string };

/** Turns a YazsanaError into a ReportError; anything else is a bug and is rethrown. */
export async function toReportError(error: unknown): Promise<ReportError> {
  if (!isYazsanaError(error)) throw error;
  componentLogger("reports").error({ errorKind: error.kind, error: error.message }, "report could not be loaded");
  return { kind: error.kind, message: describeYazsanaError(error, await getServerTranslations("yazsana")) };
}
