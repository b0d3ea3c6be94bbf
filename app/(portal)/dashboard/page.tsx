import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { OrganizationsTable, OrganizationsTableSkeleton } from "./_components/organizations-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("metaTitle") };
}

export default async function DashboardPage() {
  const context = await requireWorkspace("workspace.read");
  const t = await getTranslations("dashboard");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{context.workspace.name}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.rich("intro", { em: (chunks) => <em>{chunks}</em> })}</p>
      </div>
      <section aria-labelledby="organizations-heading" className="space-y-3">
        <h2 id="organizations-heading" className="text-lg font-semibold">
          {t("organizations")}
        </h2>
        <Suspense fallback={<OrganizationsTableSkeleton />}>
          <OrganizationsTable context={context} />
        </Suspense>
      </section>
    </div>
  );
}
