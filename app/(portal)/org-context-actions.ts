"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { v } from "@/lib/i18n/validation";
import { workspaceAction } from "@/lib/actions/define-action";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import { PERSONAL_CONTEXT, saveOrgContextChoice } from "@/lib/workspaces/org-context";

export const chooseOrgContextAction = workspaceAction(
  "chooseOrgContext",
  { input: z.object({ organizationId: z.string().min(1, v("chooseContext")) }), permission: "workspace.read" },
  async ({ organizationId }, context) => {
    const chosen = organizationId === PERSONAL_CONTEXT ? null : organizationId;
    if (chosen) {
      const view = await loadOrganizations(context);
      if (view.status !== "ok") return { ok: false, message: view.status === "error" ? view.message : "Add an API key first." };
      const organization = view.organizations.find((candidate) => candidate.id === chosen);
      if (!organization) return { ok: false, message: "That organization is not available with this workspace's key." };
      if (!organization.state) return { ok: false, message: `${organization.name} is disabled in Yazsana and can't be used.` };
    }
    await saveOrgContextChoice(context.user.id, context.workspace.id, chosen);
    revalidatePath("/", "layout");
    return { ok: true };
  },
);
