import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/format-money";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import { roleCan } from "@/lib/workspaces/roles";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { TableScroll } from "@/components/table-scroll";

// Catalog keys (dashboard.permissionLabels) of the Yazsana permissions we know; others show as sent.
const PERMISSION_KEYS = {
  "organization.sms.send": "sendSms",
  "organization.sms.read": "readSms",
  "organization.users.read": "readUsers",
} as const;

function permissionKey(permission: string) {
  return PERMISSION_KEYS[permission as keyof typeof PERMISSION_KEYS];
}

export async function OrganizationsTable({ context }: { context: WorkspaceContext }) {
  const [view, t, { locale }] = await Promise.all([loadOrganizations(context), getTranslations("dashboard"), getRequestPreferences()]);
  if (view.status === "no_key") {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="font-semibold">{t("connectTitle")}</h2>
        {roleCan(context.role, "api_key.manage") ? (
          <>
            <p className="mt-1 text-sm text-slate-600">{t("connectBody")}</p>
            <Link href="/settings/api-key" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t("addApiKey")}
            </Link>
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("askOwner")}</p>
        )}
      </div>
    );
  }
  if (view.status === "error") {
    return (
      <div role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
        {view.message}
      </div>
    );
  }
  if (view.organizations.length === 0) {
    return <p className="text-sm text-slate-600">{t("noOrganizations")}</p>;
  }
  return (
    <TableScroll label={t("caption")}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">
              {t("organization")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("state")}
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              {t("memberCredit")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("permissions")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {view.organizations.map((organization) => (
            <tr key={organization.id}>
              <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
                {organization.name}
                {organization.id === view.currentOrganizationId && (
                  <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">{t("currentContext")}</span>
                )}
              </th>
              <td className="px-4 py-3">
                {organization.state ? <span className="text-green-700">{t("active")}</span> : <span className="text-slate-500">{t("disabled")}</span>}
              </td>
              <td className="px-4 py-3 text-right font-mono" data-testid="member-credit">
                {formatMoney(organization.memberCredit, { locale })}
              </td>
              <td className="px-4 py-3">
                <ul className="flex flex-wrap gap-1">
                  {organization.permissions.map((permission) => {
                    const key = permissionKey(permission);
                    return (
                      <li key={permission} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                        {key ? t(`permissionLabels.${key}`) : permission}
                      </li>
                    );
                  })}
                  {organization.permissions.length === 0 && <li className="text-xs text-slate-500">{t("none")}</li>}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function OrganizationsTableSkeleton() {
  return (
    <div aria-hidden className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      {[0, 1, 2].map((row) => (
        <div key={row} className="h-6 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
