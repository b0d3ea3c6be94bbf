"use client";

import { useState } from "react";

/** The invitation link, read-only, with a copy button: the inviter can pass it on without email. */
export function ShareLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div>
      <label htmlFor="invite-link" className="block text-sm font-medium text-slate-700">
        Invite link
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
          Copy link
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-500" aria-live="polite">
        {copied === "copied" ? "Copied." : copied === "failed" ? "Copying is blocked here: select the link and copy it." : "It works once and is shown only now."}
      </p>
    </div>
  );
}
