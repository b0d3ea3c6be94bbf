import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { inspectInvite } from "@/lib/team/inspect-invite";
import { closedInvite } from "@/lib/team/invite-messages";
import { PageTitle } from "@/components/page-title";

/**
 * HTTP 404 for an invitation link that can't be used, saying why. A
 * not-found view gets no params, so the token comes from the path proxy.ts
 * passed on; the lookup is the page's, cached for this request.
 */
export default async function InviteNotFound() {
  const path = (await headers()).get("x-portal-path") ?? "";
  const token = decodeURIComponent(/^\/invite\/([^/?#]*)/.exec(path)?.[1] ?? "");
  const [lookup, t] = await Promise.all([inspectInvite(token), getTranslations("invite")]);
  const closed = closedInvite(lookup.state === "open" ? "unknown" : lookup.state, t);
  return (
    <>
      <PageTitle title={closed.title} />
      <h1 className="text-2xl font-semibold text-slate-900">{closed.title}</h1>
      <p className="mt-2 text-sm text-slate-600">{closed.text}</p>
      <p className="mt-6 text-sm">
        <Link href="/login" className="font-medium text-brand-600 underline-offset-2 hover:underline">
          {t("logIn")}
        </Link>
      </p>
    </>
  );
}
