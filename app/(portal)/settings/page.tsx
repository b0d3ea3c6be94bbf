import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getWorkspaceContext } from "@/lib/workspaces/workspace-context";
import { ChangeNameForm, ChangePasswordForm, RevokeSessionsForm } from "./_components/account-forms";
import { LeaveWorkspaceForm } from "./_components/leave-workspace-form";

export const metadata: Metadata = { title: "Account" };

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-4 border-b border-slate-200 py-8 md:grid-cols-3" aria-labelledby={`${title}-heading`}>
      <div>
        <h2 id={`${title}-heading`} className="font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      <div className="max-w-md md:col-span-2">{children}</div>
    </section>
  );
}

export default async function AccountPage() {
  const [user, context] = await Promise.all([requireUser(), getWorkspaceContext()]);
  return (
    <div>
      <h1 className="text-2xl font-semibold">Account</h1>
      <p className="mt-1 text-sm text-slate-600">Signed in as {user.email}</p>
      <Section title="Profile" description="How your teammates see you.">
        <ChangeNameForm name={user.name} />
      </Section>
      <Section title="Password" description="Changing it logs you out of every session.">
        <ChangePasswordForm />
      </Section>
      <Section title="Sessions" description="Lost a laptop? End every session at once.">
        <RevokeSessionsForm />
      </Section>
      {context && (
        <Section title="Workspace" description={`Leave ${context.workspace.name}. The last owner must make someone else owner first.`}>
          <LeaveWorkspaceForm workspaceId={context.workspace.id} workspaceName={context.workspace.name} />
        </Section>
      )}
    </div>
  );
}
