"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/define-action";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { v } from "@/lib/i18n/validation";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import { PERSONAL_CONTEXT, saveOrgContextChoice } from "@/lib/workspaces/org-context";

export const chooseOrgContextAction = workspaceAction(
  "chooseOrgContext",
  { input: z.object({ organizationId: z.string().min(1, v("chooseContext")) }), permission: "workspace.read" },
  async ({ organizationId }, context) => {
    const chosen = organizationId === PERSONAL_CONTEXT ? null : organizationId;
    if (chosen) {
      const [view, t] = await Promise.all([loadOrganizations(context), getServerTranslations("workspaces.orgContext")]);
      if (view.status === "error") return { ok: false, message: view.message };
      if (view.status !== "ok") return { ok: false, message: t("addKeyFirst") };
      const organization = view.organizations.find((candidate) => candidate.id === chosen);
      if (!organization) return { ok: false, message: t("unavailable") };
      if (!organization.state) return { ok: false, message: t("disabled", { name: organization.name }) };
    }
    await saveOrgContextChoice(context.user.id, context.workspace.id, chosen);
    revalidatePath("/", "layout");
    return { ok: true };
  },
);
