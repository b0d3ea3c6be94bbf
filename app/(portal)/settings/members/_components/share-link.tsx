"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/** The invitation link, read-only, with a copy button: the inviter can pass it on without email. */
export function ShareLink({ url }: { url: string }) {
  const t = useTranslations("team");
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div>
      <label htmlFor="invite-link" className="block text-sm font-medium text-slate-700">
        {t("inviteLink")}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="invite-link"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={() =>
            navigator.clipboard.writeText(url).then(
              () => setCopied("copied"),
              () => setCopied("failed"),
            )
          }
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          {t("copyLink")}
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-500" aria-live="polite">
        {copied === "copied" ? t("copied") : copied === "failed" ? t("copyFailed") : t("linkShownOnce")}
      </p>
    </div>
  );
}
