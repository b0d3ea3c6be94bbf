"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/define-action";
import { removeApiKey } from "@/lib/api-key/remove-api-key";
import { v } from "@/lib/i18n/validation";
import { connectYazsanaKey, describeConnectFailure } from "@/lib/workspaces/connect-yazsana-key";

const apiKeyInput = z.object({
  apiKey: z
    .string()
    .trim()
    .min(1, v("apiKeyRequired"))
    .min(8, v("apiKeyTooShort"))
    .max(512, v("apiKeyTooLong"))
    .regex(/^\S+$/, v("apiKeySpaces")),
});

export const saveApiKeyAction = workspaceAction(
  "saveApiKey",
  { input: apiKeyInput, permission: "api_key.manage" },
  async ({ apiKey }, { workspace, user }) => {
    const [result, t, yazsana] = await Promise.all([
      connectYazsanaKey({ workspaceId: workspace.id, actorId: user.id, apiKey }),
      getTranslations("apiKey"),
      getTranslations("yazsana"),
    ]);
    if (!result.ok) {
      const message = describeConnectFailure(result, { apiKey: t, yazsana });
      return result.reason === "refused" ? { ok: false, fieldErrors: { apiKey: [message] } } : { ok: false, message };
    }
    revalidatePath("/", "layout");
    return { ok: true, message: t(result.replaced ? "replaced" : "saved", { username: result.username, last4: result.last4 }) };
  },
);

export const removeApiKeyAction = workspaceAction(
  "removeApiKey",
  { input: z.object({}), permission: "api_key.manage" },
  async (_input, { workspace, user }) => {
    const removed = await removeApiKey({ workspaceId: workspace.id, actorId: user.id });
    revalidatePath("/", "layout");
    const t = await getTranslations("apiKey");
    return removed ? { ok: true, message: t("removed") } : { ok: false, message: t("nothingToRemove") };
  },
);
