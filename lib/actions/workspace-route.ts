import "server-only";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { getWorkspaceContext, type WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { roleCan, type Permission } from "@/lib/workspaces/roles";

const json = (status: number, message: string) => Response.json({ ok: false, message }, { status });

/**
 * The route-handler form of workspaceAction's guard: a session, a
 * membership whose role has `permission`, and — when the caller names the
 * workspace its page was rendered for — the same workspace the server would
 * act in. Answers the refusal as a JSON Response.
 */
export async function guardWorkspaceRoute(permission: Permission, renderedFor?: string | null): Promise<WorkspaceContext | Response> {
  const context = await getWorkspaceContext();
  const refused = async (status: number, key: "sessionEnded" | "notAllowed" | "otherWorkspace") => json(status, (await getServerTranslations("errors"))(key));
  if (!context) return refused(401, "sessionEnded");
  if (!roleCan(context.role, permission)) return refused(403, "notAllowed");
  if (renderedFor !== undefined && renderedFor !== context.workspace.id) return refused(409, "otherWorkspace");
  return context;
}
