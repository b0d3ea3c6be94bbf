/** What every server action returns; rendered with useActionState. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Partial<Record<string, string[]>>;
  /** A value the user must see once, e.g. the link of a new invitation. */
  shareLink?: string;
  /** A follow-up page for the outcome (e.g. the report of a sending just made). */
  link?: { href: string; label: string };
};

export const INITIAL_ACTION_STATE: ActionState = { ok: false };

/** Hidden form field naming the workspace a form was rendered for. */
export const WORKSPACE_FIELD = "renderedForWorkspaceId";
