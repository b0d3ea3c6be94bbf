import "server-only";
import { db } from "@/lib/db/client";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  currentWorkspaceId: string | null;
  /** Saved language and time zone; null follows the browser (lib/i18n/request-preferences.ts). */
  locale: string | null;
  timeZone: string | null;
};

/** The user behind a session token, or null when the user is gone or the session was revoked. */
export async function loadSessionUser(userId: string, sessionVersion: number | undefined): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, sessionVersion: true, currentWorkspaceId: true, locale: true, timeZone: true },
  });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    currentWorkspaceId: user.currentWorkspaceId,
    locale: user.locale,
    timeZone: user.timeZone,
  };
}
