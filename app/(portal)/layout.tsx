import Link from "next/link";
import { Suspense } from "react";
import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { requireUser } from "@/lib/auth/current-user";
import { getWorkspaceContext, listMyWorkspaces } from "@/lib/workspaces/workspace-context";
import { pagePermission } from "@/lib/workspaces/page-permissions";
import { roleCan } from "@/lib/workspaces/roles";
import { MAIN_CONTENT_ID } from "@/components/main-content";
import { HeaderMenu } from "./_components/header-menu";
import { LogOutButton } from "./_components/log-out-button";
import { OrgContextPicker, OrgContextPickerSkeleton } from "./_components/org-context-picker";
import { PortalNav, type NavItem } from "./_components/portal-nav";
import { WorkspaceSwitcher } from "./_components/workspace-switcher";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [context, workspaces, t, tc] = await Promise.all([
    getWorkspaceContext(),
    listMyWorkspaces(user.id),
    getTranslations("nav"),
    getTranslations("common"),
  ]);
  // Refused here, before loading.tsx starts streaming, so the answer is a real 403 (pages check again themselves).
  const needed = pagePermission((await headers()).get("x-portal-path") ?? "");
  if (context && needed && !roleCan(context.role, needed)) forbidden();
  const nav: NavItem[] = context ? [{ href: "/dashboard", label: t("dashboard") }] : [];
  if (context && roleCan(context.role, "sms.read")) nav.push({ href: "/services", label: t("services") });
  if (context && roleCan(context.role, "sms.send")) nav.push({ href: "/send", label: t("send") });
  if (context && roleCan(context.role, "sms.read")) nav.push({ href: "/send/campaigns", label: t("campaigns") });
  if (context && roleCan(context.role, "sms.read")) nav.push({ href: "/reports", label: t("reports") });
  if (context && roleCan(context.role, "api_key.manage")) nav.push({ href: "/settings/api-key", label: t("apiKey") });
  if (context && roleCan(context.role, "members.manage")) nav.push({ href: "/settings/members", label: t("members") });
  if (context && roleCan(context.role, "audit.read")) nav.push({ href: "/settings/audit", label: t("auditLog") });
  if (context && roleCan(context.role, "spending.manage")) nav.push({ href: "/send/approvals", label: t("approvals") }, { href: "/settings/spending", label: t("spending") });
  nav.push({ href: "/settings", label: t("account") });

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <Link href="/dashboard" className="inline-flex items-center font-bold text-brand-900 pointer-coarse:min-h-11">
            {tc("appName")}
          </Link>
          <HeaderMenu>
            <PortalNav items={nav} />
            <div className="flex flex-col gap-4 md:ml-auto md:flex-row md:flex-wrap md:items-center">
              {context && (
                <>
                  <WorkspaceSwitcher workspaces={workspaces.map(({ id, name }) => ({ id, name }))} currentId={context.workspace.id} />
                  <Link href="/workspaces/new" className="inline-flex items-center text-sm text-brand-600 underline-offset-2 hover:underline pointer-coarse:min-h-11">
                    {t("newWorkspace")}
                  </Link>
                  <Suspense fallback={<OrgContextPickerSkeleton />}>
                    <OrgContextPicker context={context} />
                  </Suspense>
                  <span className="self-start rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600 md:self-auto">{tc(`roles.${context.role}`)}</span>
                </>
              )}
              <LanguageSwitcher />
              <div className="flex items-center justify-between gap-4">
                <span className="text-sm text-slate-600">{user.name}</span>
                <LogOutButton />
              </div>
            </div>
          </HeaderMenu>
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
