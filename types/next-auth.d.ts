import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
    currentWorkspaceId: string | null;
    preferences: { locale: string | null; timeZone: string | null };
    /**
     * The user could not be re-read (the database is unreachable): the
     * session is neither confirmed nor ended, and the cookie is kept.
     */
    unavailable?: true;
  }
  interface User {
    id: string;
    email: string;
    name: string;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    /** When the user logged in (epoch seconds): caps the session's absolute lifetime. */
    authTime?: number;
    /** When the session was last used (epoch seconds), refreshed by proxy.ts: drives the idle timeout. */
    lastSeen?: number;
  }
}
