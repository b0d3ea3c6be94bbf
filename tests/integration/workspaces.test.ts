import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAccount } from "@/lib/auth/create-account";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { switchWorkspace } from "@/lib/workspaces/switch-workspace";
import { getOrgContextChoice, saveOrgContextChoice } from "@/lib/workspaces/org-context";

let counter = 0;
async function owner(workspaceName: string) {
  const result = await createAccount({
    name: "Owner",
    email: `ws-owner-${Date.now()}-${++counter}@example.com`,
    password: "a long test passphrase",
    workspaceName,
  });
  if (!result.ok) throw new Error("account not created");
  return result;
}

describe("workspaces", () => {
  it("a member switches between their own workspaces but never into someone else's", async () => {
    const alice = await owner("Alice Co");
    const bob = await owner("Bob Co");
    const second = await createWorkspace(alice.userId, "Alice Second");
    expect((await db.user.findUniqueOrThrow({ where: { id: alice.userId } })).currentWorkspaceId).toBe(second.id);

    expect(await switchWorkspace(alice.userId, alice.workspaceId)).toBe(true);
    expect(await switchWorkspace(alice.userId, bob.workspaceId)).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: alice.userId } })).currentWorkspaceId).toBe(alice.workspaceId);
    expect(await db.membership.count({ where: { userId: alice.userId, workspaceId: bob.workspaceId } })).toBe(0);
  });

  it("remembers the organization context per user and per workspace, personal by default", async () => {
    const alice = await owner("Context Co");
    const other = await createWorkspace(alice.userId, "Context Two");
    expect(await getOrgContextChoice(alice.userId, alice.workspaceId)).toBeNull();
    await saveOrgContextChoice(alice.userId, alice.workspaceId, "2bd9cb13-13f1-45d0-a8a5-3c1e53dc2ce7");
    expect(await getOrgContextChoice(alice.userId, alice.workspaceId)).toBe("2bd9cb13-13f1-45d0-a8a5-3c1e53dc2ce7");
    expect(await getOrgContextChoice(alice.userId, other.id)).toBeNull();
    await saveOrgContextChoice(alice.userId, alice.workspaceId, null);
    expect(await getOrgContextChoice(alice.userId, alice.workspaceId)).toBeNull();
  });
});
