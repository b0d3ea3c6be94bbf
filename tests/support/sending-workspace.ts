import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { saveApiKey } from "@/lib/api-key/save-api-key";
import { saveOrgContextChoice } from "@/lib/workspaces/org-context";
import type { Role } from "@/lib/workspaces/roles";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";

/** Master keys for this test process, so stored API keys can be sealed and opened. */
export function useTestMasterKey(): void {
  process.env.KEY_ENCRYPTION_KEYS ??= `v1:${randomBytes(32).toString("base64")}`;
}

/**
 * A workspace holding `apiKey`, with one member of each asked role, as the
 * WorkspaceContext pages and actions get from the session. The key is stored
 * through the same lib code Settings → API key uses (verification skipped:
 * the simulator's key is known to be good).
 */
export async function sendingWorkspace(apiKey: string, roles: Role[] = ["owner"]) {
  const workspace = await db.workspace.create({ data: { name: `Sending ${randomUUID().slice(0, 8)}` } });
  const members: Record<string, WorkspaceContext> = {};
  for (const role of roles) {
    const user = await db.user.create({
      data: { email: `${role}-${randomUUID()}@example.com`, name: `${role[0]!.toUpperCase()}${role.slice(1)} Member`, passwordHash: "x", currentWorkspaceId: workspace.id },
    });
    await db.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role } });
    members[role] = { user: { id: user.id, email: user.email, name: user.name, currentWorkspaceId: workspace.id, locale: null, timeZone: null }, workspace: { id: workspace.id, name: workspace.name }, role };
  }
  const owner = Object.values(members)[0]!;
  await saveApiKey({ workspaceId: workspace.id, apiKey, verifiedUser: { id: randomUUID(), username: "demo", email: "demo@example.com" }, actorId: owner.user.id });
  return {
    workspaceId: workspace.id,
    member: (role: Role) => members[role]!,
    /** Each call is a new "request": the per-request caches must not carry over. */
    async useContext(role: Role, organizationId: string | null) {
      await saveOrgContextChoice(members[role]!.user.id, workspace.id, organizationId);
      return { ...members[role]!, user: { ...members[role]!.user } };
    },
  };
}
