import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { translateIssue } from "@/lib/i18n/validation";
import { roleCan } from "@/lib/workspaces/roles";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { chunk, readBulkConfig } from "./bulk-config";
import type { RecipientList } from "./collect-recipients";
import { countSms, type SmsCount } from "./count-sms";
import { checkCredit, estimateCost, type CreditCheck } from "./estimate-cost";
import { loadSendContext, type SendContextView } from "./load-send-context";
import { refusalForContext } from "./refuse-send";
import { smsMessage } from "./schemas";

export type CampaignReview = {
  campaignId: string;
  totalEntries: number;
  validCount: number;
  duplicates: number;
  invalidCount: number;
  /** The first invalid lines, for the page; all kept ones download as CSV. */
  invalidPreview: RecipientList["invalid"];
  columns: RecipientList["columns"];
  column: number | null;
  headerRow: boolean;
  message: string;
  sms: SmsCount;
  service: { id: string; name: string; currency: string; unitPrice: string };
  totalCost: string;
  contextLabel: string;
  credit: string | null;
  creditCheck: CreditCheck;
  chunkCount: number;
  confirmThreshold: number;
};

export type DraftResult =
  | { kind: "invalid"; fieldErrors: Record<string, string[]> }
  | { kind: "refused"; message: string }
  | { kind: "draft"; review: CampaignReview };

const INVALID_PREVIEW = 20;

/**
 * The Review step: from the list the server itself parsed, computes what
 * would be sent and what it would cost, and stores it as a draft campaign
 * (its chunks included). Confirming later sends exactly this draft, so nothing
 * the browser says after the review can change the numbers.
 */
export async function createCampaignDraft(
  context: WorkspaceContext,
  list: RecipientList,
  input: { message: string; serviceId: string },
): Promise<DraftResult> {
  const [t, validation] = await Promise.all([getServerTranslations("sending"), getServerTranslations("validation")]);
  if (!roleCan(context.role, "sms.send")) return { kind: "refused", message: t("refusal.roleCantSend") };
  const fieldErrors: Record<string, string[]> = {};
  const message = smsMessage.safeParse(input.message);
  if (!message.success) fieldErrors.message = message.error.issues.map((issue) => translateIssue(issue, validation));
  if (list.valid.length === 0) {
    fieldErrors.recipients = [list.totalEntries === 0 ? t("bulk.addOneNumber") : t("bulk.noValidNumber")];
  }
  if (Object.keys(fieldErrors).length) return { kind: "invalid", fieldErrors };

  const view = await loadSendContext(context);
  const refusal = refusalForContext(view, t);
  if (refusal) return { kind: "refused", message: refusal };
  const ready = view as Extract<SendContextView, { status: "ok" }>;
  const service = ready.services.find((candidate) => candidate.id === input.serviceId);
  if (!service) return { kind: "invalid", fieldErrors: { serviceId: [t("refusal.serviceNotOffered")] } };

  const config = readBulkConfig();
  const chunks = chunk(list.valid, config.chunkSize);
  const totalCost = estimateCost(service.unitPrice, list.valid.length);
  const campaignId = randomUUID();
  const organizationId = ready.organization?.id ?? null;
  const shared = {
    workspaceId: context.workspace.id,
    userId: context.user.id,
    organizationId,
    serviceId: service.id,
    serviceName: service.name,
    currency: service.currency,
    unitPrice: service.unitPrice,
    message: input.message,
  };
  await db.$transaction([
    db.campaign.create({
      data: {
        ...shared,
        id: campaignId,
        recipientCount: list.valid.length,
        totalEntries: list.totalEntries,
        duplicateCount: list.duplicates,
        invalidCount: list.invalidCount,
        invalidLines: list.invalid,
        chunkCount: chunks.length,
        costEstimate: totalCost,
        state: "draft",
        idempotencyKey: randomUUID(),
      },
    }),
    db.sendRecord.createMany({
      data: chunks.map((recipients, chunkIndex) => ({
        ...shared,
        campaignId,
        chunkIndex,
        recipients,
        recipientCount: recipients.length,
        costEstimate: estimateCost(service.unitPrice, recipients.length),
        state: "queued" as const,
        idempotencyKey: `campaign:${campaignId}:${chunkIndex}`,
      })),
    }),
  ]);

  return {
    kind: "draft",
    review: {
      campaignId,
      totalEntries: list.totalEntries,
      validCount: list.valid.length,
      duplicates: list.duplicates,
      invalidCount: list.invalidCount,
      invalidPreview: list.invalid.slice(0, INVALID_PREVIEW),
      columns: list.columns,
      column: list.column,
      headerRow: list.headerRow,
      message: input.message,
      sms: countSms(input.message),
      service: { id: service.id, name: service.name, currency: service.currency, unitPrice: service.unitPrice },
      totalCost,
      contextLabel: ready.contextLabel,
      credit: ready.credit,
      creditCheck: checkCredit(ready.credit, totalCost),
      chunkCount: chunks.length,
      confirmThreshold: config.confirmThreshold,
    },
  };
}
