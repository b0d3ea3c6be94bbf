"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/define-action";
import { apiKeyInput } from "@/lib/api-key/api-key-input";
import { removeApiKey } from "@/lib/api-key/remove-api-key";
import { connectYazsanaKey } from "@/lib/workspaces/connect-yazsana-key";

export const saveApiKeyAction = workspaceAction(
  "saveApiKey",
  { input: apiKeyInput, permission: "api_key.manage" },
  async ({ apiKey }, { workspace, user }) => {
    const result = await connectYazsanaKey({ workspaceId: workspace.id, actorId: user.id, apiKey });
    if (!result.ok) {
      return result.field ? { ok: false, fieldErrors: { apiKey: [result.message] } } : { ok: false, message: result.message };
    }
    revalidatePath("/", "layout");
    const verb = result.replaced ? "replaced" : "saved";
    return { ok: true, message: `Key verified as Yazsana user ${result.username} and ${verb}. It ends in ${result.last4}.` };
  },
);

export const removeApiKeyAction = workspaceAction(
  "removeApiKey",
  { input: z.object({}), permission: "api_key.manage" },
  async (_input, { workspace, user }) => {
    const removed = await removeApiKey({ workspaceId: workspace.id, actorId: user.id });
    revalidatePath("/", "layout");
    return removed
      ? { ok: true, message: "The API key was removed. Nobody in this workspace can send until a new one is saved." }
      : { ok: false, message: "There was no API key to remove." };
  },
);
