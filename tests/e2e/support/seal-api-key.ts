/**
 * Stores `API_KEY` as workspace `WORKSPACE_ID`'s key, sealed under the newest
 * master key in KEY_ENCRYPTION_KEYS, through the same lib code the portal
 * uses. The browser tests run it (tsx, react-server condition) to arrange a
 * key sealed under an older master key than the running apps' newest, as
 * before `npm run keys:rotate`.
 */
import { saveApiKey } from "../../../lib/api-key/save-api-key";
import { db } from "../../../lib/db/client";

const { WORKSPACE_ID: workspaceId, API_KEY: apiKey } = process.env;
if (!workspaceId || !apiKey) throw new Error("WORKSPACE_ID and API_KEY are required");
try {
  const owner = await db.membership.findFirstOrThrow({ where: { workspaceId, role: "owner" }, select: { userId: true } });
  // The same key again: the Yazsana account it was verified as stays.
  const current = await db.apiCredential.findUniqueOrThrow({ where: { workspaceId }, select: { yazsanaUserId: true, yazsanaUsername: true, yazsanaEmail: true } });
  const verifiedUser = { id: current.yazsanaUserId, username: current.yazsanaUsername, email: current.yazsanaEmail };
  await saveApiKey({ workspaceId, apiKey, verifiedUser, actorId: owner.userId });
  console.log("sealed");
} finally {
  await db.$disconnect();
}
