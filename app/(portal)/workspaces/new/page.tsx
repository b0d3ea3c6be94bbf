import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { requireUser } from "@/lib/auth/current-user";
import { NewWorkspaceForm } from "./new-workspace-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspaces"))("new.metaTitle") };
}

export default async function NewWorkspacePage() {
  // The page checks for itself rather than trusting the portal layout: layouts
  // don't re-run on every navigation, and a page can be rendered without them.
  await requireUser();
  const t = await getTranslations("workspaces.new");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <ClientMessages namespaces={["workspaces"]}>
        <NewWorkspaceForm />
      </ClientMessages>
    </div>
  );
}
