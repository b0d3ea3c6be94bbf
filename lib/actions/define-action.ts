import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { translateIssue, validationKeyFor } from "@/lib/i18n/validation";
import { describeErrorForLog } from "@/lib/log/describe-error-for-log";
import { getWorkspaceContext, listMyWorkspaces, type WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { roleCan, type Permission } from "@/lib/workspaces/roles";
import { WORKSPACE_FIELD, type ActionState } from "./action-state";
import { noteLogContext } from "@/lib/log/log-context";
import { componentLogger } from "@/lib/log/logger";

type ServerAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** The wrapper's own answers: keys of messages/<locale>/errors.json. */
type WrapperFailure = "sessionEnded" | "notAllowed" | "otherWorkspace" | "notAMember" | "failed" | "unreadableInput";

/**
 * Messages: handlers return finished sentences from
 * `await getServerTranslations("<namespace>")` (lib/i18n/server-translations.ts),
 * in the request's language. zod messages are keys of the validation namespace
 * (`v("nameRequired")`, lib/i18n/validation.ts); invalidInput translates them,
 * and gives issues without a message of their own a translated generic one.
 */
async function failure(key: WrapperFailure): Promise<ActionState> {
  return { ok: false, message: (await getServerTranslations("errors"))(key) };
}

async function invalidInput(error: z.ZodError): Promise<ActionState> {
  const [t, validation] = await Promise.all([getServerTranslations("errors"), getServerTranslations("validation")]);
  const fieldErrors: Partial<Record<string, string[]>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(translateIssue(issue, validation));
  }
  return { ok: false, message: t("invalidInput"), fieldErrors };
}

/**
 * The one path every action takes: anything but FormData is refused, then the
 * session (and workspace, role) is checked, and only then is the input
 * parsed — a signed-out caller learns nothing about the form. Redirects pass
 * through; other errors become a safe message. Exported for the wrappers
 * below and for tests.
 */
export function guardedAction<S extends z.ZodType, C>(
  name: string,
  input: S,
  loadContext: (formData: FormData) => Promise<C | ActionState>,
  handler: (input: z.output<S>, context: C) => Promise<ActionState>,
): ServerAction {
  return async (_previous, formData) => {
    // Server actions can be called with any serialisable value, not only the form's FormData.
    noteLogContext({ operation: name });
    if (!(formData instanceof FormData)) return failure("unreadableInput");
    try {
      const context = await loadContext(formData);
      if (isActionState(context)) return context;
      const parsed = input.safeParse(Object.fromEntries(formData), { error: validationKeyFor });
      if (!parsed.success) return invalidInput(parsed.error);
      return await handler(parsed.data, context);
    } catch (error) {
      unstable_rethrow(error);
      componentLogger("actions").error({ action: name, error: describeErrorForLog(error) }, "action failed");
      return failure("failed");
    }
  };
}

function isActionState(value: unknown): value is ActionState {
  return typeof value === "object" && value !== null && "ok" in value && (value as ActionState).ok === false;
}

/** For visitors without a session (sign-up). */
export function publicAction<S extends z.ZodType>(name: string, input: S, handler: (input: z.output<S>) => Promise<ActionState>) {
  return guardedAction(name, input, async () => null, (data) => handler(data));
}

/** For the signed-in user's own account, whatever workspace they are in. */
export function userAction<S extends z.ZodType>(
  name: string,
  input: S,
  handler: (input: z.output<S>, user: CurrentUser) => Promise<ActionState>,
) {
  return guardedAction(name, input, async () => (await getCurrentUser()) ?? failure("sessionEnded"), handler);
}

/**
 * For anything inside a workspace. The permission is required: an action
 * cannot be defined without saying what it needs. The form must carry the id
 * of the workspace it was rendered for (<WorkspaceFormGuard>): it is only
 * compared with the server's own choice, so a tab opened before a switch in
 * another tab can't act on the wrong workspace.
 */
export function workspaceAction<S extends z.ZodType>(
  name: string,
  config: { input: S; permission: Permission },
  handler: (input: z.output<S>, context: WorkspaceContext) => Promise<ActionState>,
): ServerAction {
  return guardedAction(
    name,
    config.input,
    async (formData) => {
      const context = await getWorkspaceContext();
      if (!context) return failure((await getCurrentUser()) ? "notAMember" : "sessionEnded");
      const renderedFor = formData.get(WORKSPACE_FIELD);
      if (renderedFor !== context.workspace.id) {
        // Removed from the workspace the page was rendered for, or switched away from it in another tab.
        const stillMember = (await listMyWorkspaces(context.user.id)).some((workspace) => workspace.id === renderedFor);
        return failure(stillMember ? "otherWorkspace" : "notAMember");
      }
      return roleCan(context.role, config.permission) ? context : failure("notAllowed");
    },
    handler,
  );
}
