import { getTranslations } from "next-intl/server";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import { orgContextOptions, PERSONAL_CONTEXT } from "@/lib/workspaces/org-context";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { OrgContextSwitcher } from "./org-context-switcher";

/** Server half of the header's context switcher: loads the key's organizations. */
export async function OrgContextPicker({ context }: { context: WorkspaceContext }) {
  const [view, t] = await Promise.all([loadOrganizations(context), getTranslations("workspaces.orgContext")]);
  if (view.status !== "ok") return null;
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
