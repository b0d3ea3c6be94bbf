import { getTranslations } from "next-intl/server";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import { orgContextOptions, PERSONAL_CONTEXT } from "@/lib/workspaces/org-context";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { OrgContextSwitcher } from "./org-context-switcher";

/**
 * Server half of the header's context switcher: loads the key's organizations.
 * When they cannot be loaded the header keeps rendering, with a short note in
 * the switcher's place (the reason as its tooltip) instead of the list.
 */
export async function OrgContextPicker({ context }: { context: WorkspaceContext }) {
  const [view, t] = await Promise.all([loadOrganizations(context, "header"), getTranslations("workspaces.orgContext")]);
  if (view.status === "no_key") return null;
  if (view.status === "error") {
    return (
      <span data-testid="org-context-unavailable" title={view.message} className="text-xs text-slate-500">
        {t("listUnavailable")}
      </span>
    );
  }
  const labels = { personal: t("personalCredit"), disabled: (name: string) => t("disabledOption", { name }) };
  const options = orgContextOptions(view.organizations, labels).map((option) => ({
    value: option.organizationId ?? PERSONAL_CONTEXT,
    label: option.label,
    disabled: option.disabled,
  }));
  return <OrgContextSwitcher options={options} current={view.currentOrganizationId ?? PERSONAL_CONTEXT} workspaceId={context.workspace.id} />;
}

export function OrgContextPickerSkeleton() {
  return <div aria-hidden className="h-7 w-48 animate-pulse rounded-md bg-slate-100" />;
}
