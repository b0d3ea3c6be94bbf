import "server-only";
import { cache } from "react";
import Decimal from "decimal.js";
import { db } from "@/lib/db/client";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { describeYazsanaError, isYazsanaError, listServices, type Organization, type Service } from "@/lib/yazsana";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import { contextAccess, type ContextAccess } from "@/lib/workspaces/org-permissions";
import { yazsanaContextFor } from "@/lib/workspaces/yazsana-access";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";

export type SendContextView =
  | { status: "no_key" }
  | { status: "error"; message: string }
  | {
      status: "ok";
      /** null = the key owner's personal credit. */
      organization: Organization | null;
      contextLabel: string;
      /** The organization's memberCredit; null in personal context (Yazsana's API does not report personal credit). */
      credit: string | null;
      /** Active services with their final price in this context, cheapest first. */
      services: Service[];
      sendAccess: ContextAccess;
    };

/**
 * Everything the services and send pages show about the member's context:
 * the organization (or personal credit), its credit, its services and prices,
 * and whether sending is allowed there. Once per request.
 */
export const loadSendContext = cache(async (context: WorkspaceContext): Promise<SendContextView> => {
  // The services of the saved context are asked for beside the organizations
  // (not after them); used only if that context is still the effective one.
  const early = yazsanaContextFor(context).then((saved) => saved && { organizationId: saved.organizationId, services: listServices(saved) });
  early.then((started) => started?.services).catch(() => {});
  const organizations = await loadOrganizations(context);
  if (organizations.status !== "ok") return organizations;
  const sendAccess = contextAccess(organizations, "organization.sms.send");
  const organization = organizations.organizations.find((candidate) => candidate.id === organizations.currentOrganizationId) ?? null;
  try {
    const yazsana = await yazsanaContextFor(context);
    if (!yazsana) return { status: "no_key" };
    const started = await early;
    const organizationId = organization?.id ?? null;
    const services = await (started && started.organizationId === organizationId ? started.services : listServices({ apiKey: yazsana.apiKey, organizationId }));
    return {
      status: "ok",
      organization,
      contextLabel: organization ? organization.name : (await getServerTranslations("sending"))("context.personalCredit"),
      credit: organization ? organization.memberCredit : null,
      services: sortCheapestFirst(services),
      sendAccess,
    };
  } catch (error) {
    if (isYazsanaError(error)) return { status: "error", message: describeYazsanaError(error, await getServerTranslations("yazsana")) };
    throw error;
  }
});

function sortCheapestFirst(services: Service[]): Service[] {
  return [...services].sort((a, b) => new Decimal(a.unitPrice).comparedTo(new Decimal(b.unitPrice)) || a.name.localeCompare(b.name));
}

/** The service the member used last in this workspace (single or bulk) if it is still offered, else the cheapest. */
export async function defaultServiceId(context: WorkspaceContext, services: Service[]): Promise<string | undefined> {
  const last = await db.sendRecord.findFirst({
    where: { workspaceId: context.workspace.id, userId: context.user.id },
    orderBy: { createdAt: "desc" },
    select: { serviceId: true },
  });
  const stillOffered = last && services.some((service) => service.id === last.serviceId);
  return stillOffered ? last.serviceId : services[0]?.id;
}
