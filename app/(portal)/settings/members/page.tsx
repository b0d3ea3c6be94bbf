import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { TableScroll } from "@/components/table-scroll";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { listTeam } from "@/lib/team/list-team";
import { assignableRoles, canManageMember } from "@/lib/team/team-rules";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { InviteForm } from "./_components/invite-form";
import { RemoveMemberButton, ResendInviteButton, RevokeInviteButton, RoleSelect, TransferOwnershipButton } from "./_components/row-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team"))("metaTitle") };
}

export default async function MembersPage() {
  const { workspace, user, role } = await requireWorkspace("members.manage");
  const [{ members, invites }, t, tc, preferences] = await Promise.all([
    listTeam(workspace.id),
    getTranslations("team"),
    getTranslations("common"),
    getRequestPreferences(),
  ]);
  const utc = { locale: preferences.locale, timeZone: "UTC" };

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.rich("intro", { workspace: workspace.name, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </div>

      <ClientMessages namespaces={["team"]}>
        <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="invite-heading" className="mb-4 font-semibold">
            {t("inviteHeading")}
          </h2>
          <InviteForm workspaceId={workspace.id} />
        </section>

        <section aria-labelledby="members-heading">
          <h2 id="members-heading" className="mb-3 font-semibold">
            {t("membersHeading", { count: members.length })}
          </h2>
          <TableScroll labelledBy="members-heading">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">{t("columns.name")}</th>
                  <th scope="col" className="px-4 py-3">{t("columns.email")}</th>
                  <th scope="col" className="px-4 py-3">{t("columns.role")}</th>
                  <th scope="col" className="px-4 py-3">{t("columns.joined")}</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">{t("columns.actions")}</span></th>
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
                        {self && <span className="ml-2 text-xs text-slate-500">{t("you")}</span>}
                      </td>
                      <td className="px-4 py-3">{member.user.email}</td>
                      <td className="px-4 py-3">
                        {manageable ? (
                          <RoleSelect workspaceId={workspace.id} membershipId={member.id} email={member.user.email} role={member.role} choices={assignableRoles(role)} />
                        ) : (
                          tc(`roles.${member.role}`)
                        )}
                      </td>
                      <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                        <time dateTime={member.createdAt.toISOString()} title={t("utcTime", { time: formatDateTime(member.createdAt, utc) })}>
                          {formatDate(member.createdAt, preferences)}
                        </time>
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
            {t("invitesHeading", { count: invites.length })}
          </h2>
          {invites.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t("noInvites")}</p>
          ) : (
            <TableScroll labelledBy="invites-heading">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-3">{t("columns.email")}</th>
                    <th scope="col" className="px-4 py-3">{t("columns.role")}</th>
                    <th scope="col" className="px-4 py-3">{t("columns.invitedBy")}</th>
                    <th scope="col" className="px-4 py-3">{t("columns.expires")}</th>
                    <th scope="col" className="px-4 py-3"><span className="sr-only">{t("columns.actions")}</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {invites.map((invite) => (
                    <tr key={invite.id} data-testid={`invite-${invite.email}`}>
                      <td className="px-4 py-3">{invite.email}</td>
                      <td className="px-4 py-3">{tc(`roles.${invite.role}`)}</td>
                      <td className="px-4 py-3">{invite.invitedBy?.name ?? <span className="text-slate-500">{t("formerMember")}</span>}</td>
                      <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                        <time dateTime={invite.expiresAt.toISOString()} title={t("utcTime", { time: formatDateTime(invite.expiresAt, utc) })}>
                          {formatDateTime(invite.expiresAt, preferences)}
                        </time>
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
      </ClientMessages>
    </div>
  );
}
