"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/define-action";
import { apiKeyInput } from "@/lib/api-key/api-key-input";
import { removeApiKey } from "@/lib/api-key/remove-api-key";
import { getServerTranslations } from "@/lib/i18n/server-translations";
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
    const t = await getServerTranslations("apiKey");
    return { ok: true, message: t(result.replaced ? "replaced" : "saved", { username: result.username, last4: result.last4 }) };
  },
);

export const removeApiKeyAction = workspaceAction(
  "removeApiKey",
  { input: z.object({}), permission: "api_key.manage" },
  async (_input, { workspace, user }) => {
    const removed = await removeApiKey({ workspaceId: workspace.id, actorId: user.id });
    revalidatePath("/", "layout");
    const t = await getServerTranslations("apiKey");
    return removed ? { ok: true, message: t("removed") } : { ok: false, message: t("nothingToRemove") };
  },
);
