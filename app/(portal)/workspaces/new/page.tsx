import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { NewWorkspaceForm } from "./new-workspace-form";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  // The page checks for itself rather than trusting the portal layout: layouts
  // don't re-run on every navigation, and a page can be rendered without them.
  await requireUser();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">Create a workspace</h1>
      <p className="mt-1 text-sm text-slate-600">A workspace holds one Yazsana API key and the people who may use it.</p>
      <NewWorkspaceForm />
    </div>
  );
}
