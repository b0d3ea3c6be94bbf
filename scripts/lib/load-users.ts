/**
 * The load run's people: workspaces of five (an owner whose workspace holds
 * the simulator's demo key, and four senders), made with the same lib code
 * sign-up and Settings → API key run, then logged in over HTTP like browsers.
 * Imports lib/ (server-only): the process runs with the react-server
 * condition, and DATABASE_URL and YAZSANA_API_URL must be set first.
 */
import { randomBytes } from "node:crypto";
import type { Dispatcher } from "undici";
import { logInOverHttp } from "./bench-login";

export type LoadUser = { index: number; email: string; userId: string; workspaceId: string; cookie: string };

export const USERS_PER_WORKSPACE = 5;

export async function seedLoadUsers(input: { count: number; runId: string; baseUrl: string; demoKey: string; dispatcher: Dispatcher }): Promise<LoadUser[]> {
  const { db } = await import("@/lib/db/client");
  const { createAccount } = await import("@/lib/auth/create-account");
  const { connectYazsanaKey } = await import("@/lib/workspaces/connect-yazsana-key");
  const password = randomBytes(18).toString("base64url");
  const seeded: Array<Omit<LoadUser, "cookie">> = [];
  let workspaceId = "";
  for (let index = 0; index < input.count; index++) {
    const email = `load-${input.runId}-${index}@example.com`;
    const team = Math.floor(index / USERS_PER_WORKSPACE);
    const account = await createAccount({ name: `Load User ${index}`, email, password, workspaceName: `Load Company ${team}` });
    if (!account.ok) throw new Error(`Could not create the load user ${email}.`);
    await db.user.update({ where: { id: account.userId }, data: { emailVerifiedAt: new Date() } });
    if (index % USERS_PER_WORKSPACE === 0) {
      workspaceId = account.workspaceId;
      const stored = await connectYazsanaKey({ workspaceId, actorId: account.userId, apiKey: input.demoKey });
      if (!stored.ok) throw new Error(`The demo key was not stored for ${email}: ${stored.message}`);
    } else {
      // A sender in the team's workspace, working in it (their own sign-up workspace stays unused).
      await db.membership.create({ data: { userId: account.userId, workspaceId, role: "sender" } });
      await db.user.update({ where: { id: account.userId }, data: { currentWorkspaceId: workspaceId } });
    }
    seeded.push({ index, email, userId: account.userId, workspaceId });
  }
  const users: LoadUser[] = [];
  // A few logins at a time: each one verifies an argon2id hash.
  for (let start = 0; start < seeded.length; start += 5) {
    const batch = seeded.slice(start, start + 5);
    const cookies = await Promise.all(batch.map((user) => logInOverHttp(input.baseUrl, user.email, password, input.dispatcher)));
    batch.forEach((user, offset) => users.push({ ...user, cookie: cookies[offset]! }));
  }
  return users;
}
