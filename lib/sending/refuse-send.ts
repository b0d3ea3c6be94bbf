import type { SendContextView } from "./load-send-context";

/** Why nothing may be sent in this context, or null when sending is allowed. */
export function refusalForContext(view: SendContextView): string | null {
  if (view.status === "no_key") return "This workspace has no Yazsana API key yet. Ask the owner to add it in Settings → API key.";
  if (view.status === "error") return view.message;
  const access = view.sendAccess;
  if (access.allowed) return null;
  if (access.reason === "missing_permission") {
    return `The organization ${access.organization?.name ?? ""} doesn't allow this API key to send SMS (organization.sms.send). Pick another context in the header, or ask the organization's admin.`.replace("  ", " ");
  }
  return "Yazsana can't be reached right now, so nothing was sent. Try again in a few minutes.";
}
