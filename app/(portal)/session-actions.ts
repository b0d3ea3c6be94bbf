"use server";

import { redirect } from "next/navigation";
import { clearSessionCookie } from "@/lib/auth/clear-session-cookie";

/**
 * The header's "Log out": a plain form posting to this action, so the portal's
 * pages need no next-auth client code (−8.5 kB gzip on each) and logging out
 * works before the page's JavaScript has loaded. It reads no input and needs
 * no session (one that has already ended still leaves its cookie to clear), so
 * it is not one of lib/actions' guarded actions: it clears and redirects.
 */
export async function logOutAction(): Promise<void> {
  await clearSessionCookie();
  redirect("/login");
}
