"use client";

import { signOut } from "next-auth/react";

export function LogOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
    >
      Log out
    </button>
  );
}
