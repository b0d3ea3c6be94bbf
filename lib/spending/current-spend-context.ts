import "server-only";
import { getOrgContextChoice } from "@/lib/workspaces/org-context";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { contextKeyOf } from "./context-key";

export type SpendContext = { organizationId: string | null; contextKey: string; organizationName: string | null };

/**
 * The context whose budgets /settings/spending shows and saves: the one the
 * member picked in the header. When Yazsana can't list organizations the
 * saved choice still names it (without its name).
 */
export async function currentSpendContext(context: WorkspaceContext): Promise<SpendContext> {
  const view = await loadOrganizations(context, "header");
  if (view.status === "ok") {
    const organization = view.organizations.find((candidate) => candidate.id === view.currentOrganizationId) ?? null;
    return { organizationId: organization?.id ?? null, contextKey: contextKeyOf(organization?.id ?? null), organizationName: organization?.name ?? null };
  }
  const saved = await getOrgContextChoice(context.user.id, context.workspace.id);
  return { organizationId: saved, contextKey: contextKeyOf(saved), organizationName: null };
}
