"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

const INTERVAL_MS = 5000;

/**
 * Re-renders the page on the server every few seconds while the sending is
 * still moving (router.refresh keeps the client state and scroll position),
 * paused while the tab is hidden, caught up as soon as it is visible again.
 */
export function LiveRefresh({ active, renderedAt }: { active: boolean; renderedAt: string }) {
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
        {active ? "Updating every few seconds while messages are on their way." : "All messages have reached a final status."}{" "}
        Last updated <time dateTime={renderedAt}>{renderedAt.slice(11, 19)} UTC</time>.
      </span>
      <button
        type="button"
        onClick={() => startRefresh(() => router.refresh())}
        disabled={refreshing}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      >
        {refreshing ? "Refreshing…" : "Refresh now"}
      </button>
    </div>
  );
}
