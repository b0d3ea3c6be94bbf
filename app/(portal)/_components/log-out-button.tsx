import { getTranslations } from "next-intl/server";
import { logOutAction } from "../session-actions";

export async function LogOutButton() {
  const t = await getTranslations("nav");
  return (
    <form action={logOutAction}>
      <button type="submit" className="rounded-md px-3 py-1.5 pointer-coarse:min-h-11 text-sm font-medium text-slate-700 hover:bg-slate-100">
        {t("logOut")}
      </button>
    </form>
  );
}
