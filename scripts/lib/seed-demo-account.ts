/**
 * The demo owner: a user whose workspace already holds the simulator's demo
 * key. Imports lib/ (server-only), so the process runs with the react-server
 * condition, and DATABASE_URL must be set before it is called.
 */
export type DemoAccount = { email: string; password: string; created: boolean; keyStored: boolean };

/** Creates the demo owner once; stores the demo key in their workspace when a simulator is running and none is stored. */
export async function seedDemoAccount(input: { email: string; password: string; yazsanaKey?: string }): Promise<DemoAccount> {
  const { db } = await import("@/lib/db/client");
  const { createAccount } = await import("@/lib/auth/create-account");
  const { connectYazsanaKey } = await import("@/lib/workspaces/connect-yazsana-key");

  const email = input.email.toLowerCase();
  let user = await db.user.findUnique({ where: { email }, select: { id: true, currentWorkspaceId: true } });
  const created = !user;
  if (!user) {
    const account = await createAccount({ name: "Demo Owner", email, password: input.password, workspaceName: "Demo Company" });
    if (!account.ok) throw new Error(`Could not create the demo user ${email}.`);
    user = { id: account.userId, currentWorkspaceId: account.workspaceId };
    // The demo owner's address is made up: count it as confirmed so invitations to it can be accepted.
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  }
  const membership = await db.membership.findFirst({
    where: { userId: user.id, role: "owner" },
    orderBy: { createdAt: "asc" },
    select: { workspaceId: true, workspace: { select: { credential: { select: { id: true } } } } },
  });
  let keyStored = !!membership?.workspace.credential;
  if (membership && !keyStored && input.yazsanaKey) {
    const result = await connectYazsanaKey({ workspaceId: membership.workspaceId, actorId: user.id, apiKey: input.yazsanaKey });
    if (!result.ok) throw new Error(`The demo key was not stored: ${result.message}`);
    keyStored = true;
  }
  await db.$disconnect();
  return { email, password: input.password, created, keyStored };
}
