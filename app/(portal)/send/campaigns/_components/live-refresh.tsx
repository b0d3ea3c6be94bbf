"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

/**
 * Re-renders the server component every few seconds while something is
 * moving; no full reload. The next refresh is scheduled only once the last
 * one has rendered: on a slow or loaded server a fixed interval would start a
 * new refresh before the previous one arrived, cancelling it each time, and
 * the page would never show progress.
 */
export function LiveRefresh({ active, intervalMs = 2000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  useEffect(() => {
    if (!active || refreshing) return;
    const timer = setTimeout(() => startRefresh(() => router.refresh()), intervalMs);
    return () => clearTimeout(timer);
  }, [active, refreshing, intervalMs, router]);
  return null;
}
