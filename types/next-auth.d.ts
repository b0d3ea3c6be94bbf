import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
    currentWorkspaceId: string | null;
    preferences: { locale: string | null; timeZone: string | null };
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
  }
}
