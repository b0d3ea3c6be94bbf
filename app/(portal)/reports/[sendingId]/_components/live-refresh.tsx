"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

const INTERVAL_MS = 5000;

/**
 * Re-renders the page on the server every few seconds while the sending is
 * still moving (router.refresh keeps the client state and scroll position),
 * paused while the tab is hidden, caught up as soon as it is visible again.
 */
export type LiveRefreshText = { active: string; done: string; lastUpdated: string; refreshNow: string; refreshing: string };

export function LiveRefresh({ active, renderedAt, text }: { active: boolean; renderedAt: string; text: LiveRefreshText }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();

  useEffect(() => {
    if (!active) return;
    const refresh = () => startRefresh(() => router.refresh());
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      clearInterval(timer);
      timer = setInterval(refresh, INTERVAL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") {
        clearInterval(timer);
        timer = undefined;
      } else {
        refresh();
        start();
      }
    };
    if (document.visibilityState !== "hidden") start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [active, router]);

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
      <span aria-live="polite" data-testid="live-status">
        {active ? text.active : text.done} <time dateTime={renderedAt}>{text.lastUpdated}</time>
      </span>
      <button
        type="button"
        // aria-disabled, not disabled: a disabled button would drop the keyboard focus of whoever pressed it.
        onClick={() => !refreshing && startRefresh(() => router.refresh())}
        aria-disabled={refreshing || undefined}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium text-slate-700 hover:bg-slate-100 aria-disabled:opacity-60"
      >
        {refreshing ? text.refreshing : text.refreshNow}
      </button>
    </div>
  );
}
