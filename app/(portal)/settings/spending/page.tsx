import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { currentSpendContext } from "@/lib/spending/current-spend-context";
import { DEFAULT_SUBJECT } from "@/lib/spending/context-key";
import { listMemberLimits } from "@/lib/spending/list-member-limits";
import { loadSpendSettings } from "@/lib/spending/load-spend-policy";
import { formValue } from "@/lib/spending/parse-limits";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { saveApprovalRuleAction, saveSpendLimitsAction, saveSpendTimeZoneAction } from "./actions";
import { SpendForm } from "./_components/spend-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spending"))("settings.metaTitle") };
}

export default async function SpendingSettingsPage() {
  const context = await requireWorkspace("spending.manage");
  const workspaceId = context.workspace.id;
  const [t, tc, spendContext, settings] = await Promise.all([
    getTranslations("spending"),
    getTranslations("common"),
    currentSpendContext(context),
    loadSpendSettings(workspaceId),
  ]);
  const { defaults, members } = await listMemberLimits(workspaceId, spendContext.contextKey);
  const contextName = spendContext.organizationName ?? (spendContext.organizationId ?? t("settings.personalCredit"));
  const section = "rounded-lg border border-slate-200 bg-white p-6 space-y-4";

  return (
    <ClientMessages namespaces={["spending"]}>
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("settings.intro")}</p>
          <p className="mt-2 flex gap-4 text-sm">
            <Link href="/send/approvals" className="text-brand-600 underline">
              {t("approvals.metaTitle")}
            </Link>
            <Link href="/reports/spending" className="text-brand-600 underline">
              {t("report.title")}
            </Link>
          </p>
        </div>

        <section aria-labelledby="limits-heading" className={section}>
          <div>
            <h2 id="limits-heading" className="font-semibold">
              {t("settings.limitsTitle")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("settings.limitsIntro", { context: contextName })}</p>
          </div>
          <div className="rounded-md bg-slate-50 p-4">
            <h3 className="text-sm font-semibold">{t("settings.defaultsTitle")}</h3>
            <p className="mb-3 text-xs text-slate-600">{t("settings.defaultsHint")}</p>
            <SpendForm
              id="defaults"
              workspaceId={workspaceId}
              action={saveSpendLimitsAction}
              hidden={{ subject: DEFAULT_SUBJECT, contextKey: spendContext.contextKey }}
              fields={[
                { name: "monthlyBudget", label: t("settings.defaultBudget"), defaultValue: formValue(defaults.monthlyBudget), inputMode: "decimal" },
                { name: "dailyCap", label: t("settings.defaultCap"), defaultValue: formValue(defaults.dailyCap), inputMode: "numeric" },
              ]}
              submitLabel={t("settings.saveDefaults")}
            />
          </div>
          <ul aria-label={t("settings.membersCaption")} className="divide-y divide-slate-100">
            {members.map((member) => (
              <li key={member.userId} className="space-y-2 py-4" data-testid={`spend-${member.email}`}>
                <p className="text-sm">
                  <span className="font-medium">{member.name}</span> <span className="text-slate-600">{member.email}</span>{" "}
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{tc(`roles.${member.role}`)}</span>
                  {member.usesDefaults && <span className="ml-2 text-xs text-slate-500">{t("settings.usesDefaults")}</span>}
                </p>
                <SpendForm
                  id={`member-${member.userId}`}
                  workspaceId={workspaceId}
                  action={saveSpendLimitsAction}
                  hidden={{ subject: member.userId, contextKey: spendContext.contextKey }}
                  fields={[
                    { name: "monthlyBudget", label: t("settings.budgetFor", { email: member.email }), defaultValue: formValue(member.monthlyBudget), inputMode: "decimal" },
                    { name: "dailyCap", label: t("settings.capFor", { email: member.email }), defaultValue: formValue(member.dailyCap), inputMode: "numeric" },
                  ]}
                  submitLabel={t("settings.save")}
                />
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="rule-heading" className={section}>
          <div>
            <h2 id="rule-heading" className="font-semibold">
              {t("settings.ruleTitle")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("settings.ruleIntro")}</p>
          </div>
          <SpendForm
            id="rule"
            workspaceId={workspaceId}
            action={saveApprovalRuleAction}
            fields={[
              { name: "aboveRecipients", label: t("settings.aboveRecipients"), defaultValue: formValue(settings.rule.aboveRecipients), inputMode: "numeric" },
              { name: "aboveCost", label: t("settings.aboveCost"), defaultValue: formValue(settings.rule.aboveCost), inputMode: "decimal" },
            ]}
            submitLabel={t("settings.saveRule")}
          />
        </section>

        <section aria-labelledby="calendar-heading" className={section}>
          <div>
            <h2 id="calendar-heading" className="font-semibold">
              {t("settings.calendarTitle")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("settings.calendarIntro")}</p>
          </div>
          <SpendForm
            id="calendar"
            workspaceId={workspaceId}
            action={saveSpendTimeZoneAction}
            fields={[{ name: "timeZone", label: t("settings.timeZone"), defaultValue: settings.timeZone, inputMode: "text", placeholder: "Europe/Istanbul" }]}
            submitLabel={t("settings.saveTimeZone")}
          />
        </section>
      </div>
    </ClientMessages>
  );
}
