import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { signUp } from "@/app/(auth)/signup/actions";
import { changePasswordAction } from "@/app/(portal)/settings/account-actions";
import { saveApiKeyAction } from "@/app/(portal)/settings/api-key/actions";
import { guardedAction, UNREADABLE_INPUT } from "@/lib/actions/define-action";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/action-state";

/** Security review finding 8: server actions can be called with any serialisable value. */

type AnyAction = (previous: ActionState, input: unknown) => Promise<ActionState>;
const NOT_FORM_DATA: Array<[string, unknown]> = [
  ["a plain object", { email: "a@example.com", password: "x" }],
  ["null", null],
  ["undefined", undefined],
  ["a string", "email=a@example.com"],
  ["a number", 42],
  ["an array", [["email", "a@example.com"]]],
  ["a Map", new Map([["email", "a@example.com"]])],
];

describe("server actions given something other than FormData", () => {
  const actions: Array<[string, AnyAction]> = [
    ["a public action (sign-up)", signUp as AnyAction],
    ["a user action (change password)", changePasswordAction as AnyAction],
    ["a workspace action (save API key)", saveApiKeyAction as AnyAction],
  ];
  for (const [kind, action] of actions) {
    it.each(NOT_FORM_DATA)(`${kind} answers %s with the generic invalid-input answer`, async (_label, value) => {
      await expect(action(INITIAL_ACTION_STATE, value)).resolves.toEqual(UNREADABLE_INPUT);
    });
  }
});

describe("the action wrapper's order", () => {
  const input = z.object({ name: z.string().min(3, "Too short.") });
  const SIGNED_OUT: ActionState = { ok: false, message: "Your session has ended. Log in again to continue." };

  it("checks the session before it parses, so a signed-out caller learns nothing about the fields", async () => {
    const handler = vi.fn(async () => ({ ok: true }));
    const action = guardedAction("test", input, async () => SIGNED_OUT, handler);
    const form = new FormData();
    form.set("name", "x");
    await expect(action(INITIAL_ACTION_STATE, form)).resolves.toEqual(SIGNED_OUT);
    expect(handler).not.toHaveBeenCalled();
  });

  it("parses after the context is loaded, and runs the handler only on valid input", async () => {
    const handler = vi.fn(async (data: { name: string }, context: { userId: string }) => ({ ok: true, message: `${context.userId}:${data.name}` }));
    const action = guardedAction("test", input, async () => ({ userId: "u1" }), handler);
    const bad = new FormData();
    bad.set("name", "x");
    await expect(action(INITIAL_ACTION_STATE, bad)).resolves.toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { name: ["Too short."] },
    });
    const good = new FormData();
    good.set("name", "Ayşe");
    await expect(action(INITIAL_ACTION_STATE, good)).resolves.toEqual({ ok: true, message: "u1:Ayşe" });
  });
});
