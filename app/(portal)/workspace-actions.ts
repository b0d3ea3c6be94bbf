"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { v } from "@/lib/i18n/validation";
import { userAction } from "@/lib/actions/define-action";
import { workspaceName } from "@/lib/auth/schemas";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { switchWorkspace } from "@/lib/workspaces/switch-workspace";

export const switchWorkspaceAction = userAction(
  "switchWorkspace",
  z.object({ workspaceId: z.uuid(v("chooseWorkspace")) }),
  async ({ workspaceId }, user) => {
    // Someone else's workspace id gets the same answer as a missing one.
    if (!(await switchWorkspace(user.id, workspaceId))) return { ok: false, message: (await getServerTranslations("workspaces"))("notFound") };
    revalidatePath("/", "layout");
    redirect("/dashboard");
  },
);

export const createWorkspaceAction = userAction(
  "createWorkspace",
  z.object({ name: workspaceName }),
  async ({ name }, user) => {
    await createWorkspace(user.id, name);
    revalidatePath("/", "layout");
    redirect("/settings/api-key?welcome=1");
  },
);
