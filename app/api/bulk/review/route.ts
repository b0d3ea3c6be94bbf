import { z } from "zod";
import { guardWorkspaceRoute } from "@/lib/actions/workspace-route";
import { getServerLocale } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
import { describeErrorForLog } from "@/lib/log/describe-error-for-log";
import { readBulkConfig } from "@/lib/sending/bulk-config";
import { collectFromText } from "@/lib/sending/collect-recipients";
import { createCampaignDraft } from "@/lib/sending/create-campaign-draft";
import { collectFromFile, UnreadableFileError, UploadTooLargeError } from "@/lib/sending/read-recipient-file";
import { componentLogger } from "@/lib/log/logger";

/** What the Review button sends beside the body (the body is the textarea's text or the file, streamed). */
const reviewOptions = z.object({
  workspaceId: z.string(),
  source: z.enum(["text", "csv", "xlsx"]),
  column: z.number().int().min(0).max(1000).nullable(),
  message: z.string().max(1000),
  serviceId: z.string().max(100),
});


/**
 * POST /api/bulk/review — parses the recipients as the body arrives (server
 * actions would buffer the whole body under a 1 MB limit), then stores a
 * draft campaign and answers its review. Options travel in the
 * `x-bulk-review` header (JSON); a custom header also keeps other sites from
 * posting here.
 */
export async function POST(request: Request) {
  // Who is asking comes first: a stranger learns nothing about the form, not even that it is malformed.
  const caller = await guardWorkspaceRoute("sms.send");
  if (caller instanceof Response) return caller;
  const t = translatorFor(await getServerLocale(), "sending");
  let options: z.infer<typeof reviewOptions>;
  try {
    options = reviewOptions.parse(JSON.parse(decodeURIComponent(request.headers.get("x-bulk-review") ?? "")));
  } catch {
    return Response.json({ ok: false, message: t("bulk.formOutdated") }, { status: 400 });
  }
  const context = await guardWorkspaceRoute("sms.send", options.workspaceId);
  if (context instanceof Response) return context;

  const { uploadMaxBytes } = readBulkConfig();
  const tooLarge = Response.json(
    { ok: false, message: t("bulk.uploadTooLarge", { megabytes: Math.round((uploadMaxBytes / 1024 / 1024) * 10) / 10 }), fieldErrors: { file: [t("bulk.fileTooLarge")] } },
    { status: 413 },
  );
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > uploadMaxBytes) return tooLarge;
  if (!request.body) return Response.json({ ok: false, message: t("bulk.addNumbersOrFile"), fieldErrors: { recipients: [t("bulk.addOneNumber")] } }, { status: 400 });

  try {
    const list =
      options.source === "text"
        ? collectFromText(await readCappedText(request.body, uploadMaxBytes))
        : await collectFromFile(request.body, options.source, { column: options.column, maxBytes: uploadMaxBytes });
    const result = await createCampaignDraft(context, list, { message: options.message, serviceId: options.serviceId });
    if (result.kind === "invalid") return Response.json({ ok: false, message: t("send.correctFields"), fieldErrors: result.fieldErrors }, { status: 422 });
    if (result.kind === "refused") return Response.json({ ok: false, message: result.message }, { status: 403 });
    return Response.json({ ok: true, review: result.review });
  } catch (error) {
    if (error instanceof UploadTooLargeError) return tooLarge;
    if (error instanceof UnreadableFileError) {
      const csv = error.format === "csv";
      return Response.json(
        { ok: false, message: t(csv ? "bulk.unreadableCsv" : "bulk.unreadableXlsx"), fieldErrors: { file: [t(csv ? "bulk.notCsv" : "bulk.notXlsx")] } },
        { status: 422 },
      );
    }
    componentLogger("sending").error({ error: describeErrorForLog(error) }, "bulk review failed");
    return Response.json({ ok: false, message: t("bulk.somethingWrong") }, { status: 500 });
  }
}

async function readCappedText(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) throw new UploadTooLargeError(maxBytes);
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
