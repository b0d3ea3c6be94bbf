import type { Metadata } from "next";
import { listTeam } from "@/lib/team/list-team";
import { assignableRoles, canManageMember } from "@/lib/team/team-rules";
import { ROLE_LABELS } from "@/lib/workspaces/roles";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { InviteForm } from "./_components/invite-form";
import { RemoveMemberButton, ResendInviteButton, RevokeInviteButton, RoleSelect, TransferOwnershipButton } from "./_components/row-forms";
import { TableScroll } from "@/components/table-scroll";

export const metadata: Metadata = { title: "Members" };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function MembersPage() {
  const { workspace, user, role } = await requireWorkspace("members.manage");
  const { members, invites } = await listTeam(workspace.id);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Members</h1>
        <p className="mt-1 text-sm text-slate-600">
          Who works in <strong>{workspace.name}</strong>, and what they may do. Changes apply on each person&apos;s next click.
        </p>
      </div>

      <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="invite-heading" className="mb-4 font-semibold">
          Invite someone
        </h2>
        <InviteForm workspaceId={workspace.id} />
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 font-semibold">
          Members ({members.length})
        </h2>
        <TableScroll labelledBy="members-heading">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Email</th>
                <th scope="col" className="px-4 py-3">Role</th>
                <th scope="col" className="px-4 py-3">Joined (UTC)</th>
                <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((member) => {
                const self = member.user.id === user.id;
                const manageable = canManageMember(role, member.role);
                return (
                  <tr key={member.id} data-testid={`member-${member.user.email}`}>
                    <td className="px-4 py-3">
                      {member.user.name}
                      {self && <span className="ml-2 text-xs text-slate-500">(you)</span>}
                    </td>
                    <td className="px-4 py-3">{member.user.email}</td>
                    <td className="px-4 py-3">
                      {manageable ? (
                        <RoleSelect workspaceId={workspace.id} membershipId={member.id} email={member.user.email} role={member.role} choices={assignableRoles(role)} />
                      ) : (
                        ROLE_LABELS[member.role]
                      )}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                      <time dateTime={member.createdAt.toISOString()}>{date.format(member.createdAt)}</time>
                    </td>
                    <td className="space-y-2 px-4 py-3">
                      {!self && manageable && <RemoveMemberButton workspaceId={workspace.id} membershipId={member.id} email={member.user.email} />}
                      {!self && role === "owner" && member.role !== "owner" && (
                        <TransferOwnershipButton workspaceId={workspace.id} membershipId={member.id} email={member.user.email} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="invites-heading">
        <h2 id="invites-heading" className="mb-3 font-semibold">
          Pending invitations ({invites.length})
        </h2>
        {invites.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">No invitations waiting.</p>
        ) : (
          <TableScroll labelledBy="invites-heading">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">Email</th>
                  <th scope="col" className="px-4 py-3">Role</th>
                  <th scope="col" className="px-4 py-3">Invited by</th>
                  <th scope="col" className="px-4 py-3">Expires (UTC)</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {invites.map((invite) => (
                  <tr key={invite.id} data-testid={`invite-${invite.email}`}>
                    <td className="px-4 py-3">{invite.email}</td>
                    <td className="px-4 py-3">{ROLE_LABELS[invite.role]}</td>
                    <td className="px-4 py-3">{invite.invitedBy?.name ?? <span className="text-slate-500">a former member</span>}</td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                      <time dateTime={invite.expiresAt.toISOString()}>{dateTime.format(invite.expiresAt)}</time>
                    </td>
                    <td className="flex flex-wrap gap-2 px-4 py-3">
                      <ResendInviteButton workspaceId={workspace.id} inviteId={invite.id} email={invite.email} />
                      <RevokeInviteButton workspaceId={workspace.id} inviteId={invite.id} email={invite.email} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
