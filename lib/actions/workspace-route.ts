import "server-only";
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
  if (!context) return json(401, "Your session has ended. Log in again to continue.");
  if (!roleCan(context.role, permission)) return json(403, "Your role in this workspace doesn't allow this.");
  if (renderedFor !== undefined && renderedFor !== context.workspace.id) {
    return json(409, "You switched workspace in another tab since this page was opened, so nothing was done. Reload the page and try again.");
  }
  return context;
}
