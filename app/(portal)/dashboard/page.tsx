import type { Metadata } from "next";
import { Suspense } from "react";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { OrganizationsTable, OrganizationsTableSkeleton } from "./_components/organizations-table";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const context = await requireWorkspace("workspace.read");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{context.workspace.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Pick a context in the header: <em>Personal credit</em> charges the key owner, an organization charges your member credit there.
        </p>
      </div>
      <section aria-labelledby="organizations-heading" className="space-y-3">
        <h2 id="organizations-heading" className="text-lg font-semibold">
          Organizations
        </h2>
        <Suspense fallback={<OrganizationsTableSkeleton />}>
          <OrganizationsTable context={context} />
        </Suspense>
      </section>
    </div>
  );
}
