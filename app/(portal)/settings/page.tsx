import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { requireUser } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/i18n/format";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { ChangeNameForm, ChangePasswordForm, RevokeSessionsForm } from "./_components/account-forms";
import { PreferencesForm } from "./_components/preferences-form";
import { LeaveWorkspaceForm } from "./_components/leave-workspace-form";
import { getWorkspaceContext } from "@/lib/workspaces/workspace-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("metaTitle") };
}

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-4 border-b border-slate-200 py-8 md:grid-cols-3" aria-labelledby={`${id}-heading`}>
      <div>
        <h2 id={`${id}-heading`} className="font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      <div className="max-w-md md:col-span-2">{children}</div>
    </section>
  );
}

export default async function AccountPage() {
  const user = await requireUser();
  const [t, preferences, context] = await Promise.all([getTranslations("settings"), getRequestPreferences(), getWorkspaceContext()]);
  // What "Automatic" means: the zone dates would use if the saved one were cleared.
  const automaticZone = preferences.automaticTimeZone;
  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("signedInAs", { email: user.email })}</p>
      <ClientMessages namespaces={["settings", "team"]}>
        <Section id="profile" title={t("profile.title")} description={t("profile.description")}>
          <ChangeNameForm name={user.name} />
        </Section>
        <Section id="preferences" title={t("preferences.title")} description={t("preferences.description")}>
          <PreferencesForm
            locale={preferences.locale}
            timeZone={user.timeZone ?? ""}
            automaticZone={automaticZone}
            automaticNow={formatDateTime(new Date(), { locale: preferences.locale, timeZone: automaticZone })}
            timeZones={["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")]}
          />
        </Section>
        <Section id="password" title={t("password.title")} description={t("password.description")}>
          <ChangePasswordForm />
        </Section>
        <Section id="sessions" title={t("sessions.title")} description={t("sessions.description")}>
          <RevokeSessionsForm />
        </Section>
        {context && (
          <Section id="workspace" title={t("leave.title")} description={t("leave.description", { workspace: context.workspace.name })}>
            <LeaveWorkspaceForm workspaceId={context.workspace.id} workspaceName={context.workspace.name} />
          </Section>
        )}
      </ClientMessages>
    </div>
  );
}
