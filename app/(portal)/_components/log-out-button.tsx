"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function LogOutButton() {
  const t = useTranslations("nav");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded-md px-3 py-1.5 pointer-coarse:min-h-11 text-sm font-medium text-slate-700 hover:bg-slate-100"
    >
      {t("logOut")}
    </button>
  );
}
