import { WORKSPACE_FIELD } from "@/lib/actions/action-state";

/** Every form posting to a workspaceAction carries this (see define-action.ts). */
export function WorkspaceFormGuard({ workspaceId }: { workspaceId: string }) {
  return <input type="hidden" name={WORKSPACE_FIELD} value={workspaceId} />;
}
