/**
 * Machinery of the authorization matrix (tests/integration/authorization-matrix.test.ts):
 * finds every server action and route handler under app/, signs requests in as
 * each persona with a real next-auth session token, and says what the server
 * answered. Only how the token reaches the app is test-made (see the test's
 * vi.mock of the cookie store): decoding it, the session's database read and
 * every check after it are the app's own.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import type { ActionState } from "@/lib/actions/action-state";

export const PERSONAS = ["owner", "admin", "sender", "viewer", "outsider", "anonymous"] as const;
export type Persona = (typeof PERSONAS)[number];
/** What the server did: ran it (whatever the business answer), refused the caller, or didn't find the ids. */
export type Outcome = "allowed" | "refused" | "not_found" | "error";

export const MEMBERS: Persona[] = ["owner", "admin", "sender", "viewer"];
export const SIGNED_IN: Persona[] = [...MEMBERS, "outsider"];
export const EVERYONE: Persona[] = [...SIGNED_IN, "anonymous"];

const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module under app/ whose first statement is "use server", and every route.ts. */
export function findEntryModules(): { actionModules: string[]; routeModules: string[] } {
  const files = filesUnder(path.join(ROOT, "app")).map((file) => path.relative(ROOT, file).split(path.sep).join("/"));
  const startsWithUseServer = (file: string) => /^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8"));
  return {
    actionModules: files.filter(startsWithUseServer),
    routeModules: files.filter((file) => /(^|\/)route\.tsx?$/.test(file)),
  };
}

/** "file#export" for every exported server action and route handler method, read from the modules themselves. */
export async function discoverEntryPoints(): Promise<{ actions: string[]; routes: string[] }> {
  const { actionModules, routeModules } = findEntryModules();
  const actions: string[] = [];
  for (const file of actionModules) {
    const loaded = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(loaded)) if (typeof value === "function") actions.push(`${file}#${name}`);
  }
  const routes: string[] = [];
  for (const file of routeModules) {
    const loaded = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) if (typeof loaded[method] === "function") routes.push(`${file}#${method}`);
  }
  return { actions: actions.sort(), routes: routes.sort() };
}

export async function loadEntryPoint<T>(id: string): Promise<T> {
  const [file, name] = id.split("#") as [string, string];
  const loaded = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  return loaded[name] as T;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The session cookie a real login would set for this user, at their current session version. */
export async function sessionCookieFor(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, sessionVersion: true } });
  const token = await encode({
    // The claims a fresh login sets (lib/auth/auth-options.ts): login and last-use times are now.
    token: { sub: userId, email: user.email, name: user.name, sessionVersion: user.sessionVersion, authTime: nowSeconds(), lastSeen: nowSeconds() },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return token;
}

// Answers the wrapper gives when it refuses the caller (lib/actions/define-action.ts) or the team rules refuse the role.
const REFUSED = [/doesn't allow this/, /session has ended/i, /no longer a member of this workspace/, /switched workspace in another tab/];
// Answers for ids that aren't in the caller's workspace.
const NOT_FOUND = [/not found/i, /not in this workspace/, /no longer pending/];
const FAILED = /Something went wrong on our side/;

export function classifyState(state: ActionState): Outcome {
  const message = state.message ?? "";
  if (REFUSED.some((pattern) => pattern.test(message))) return "refused";
  if (NOT_FOUND.some((pattern) => pattern.test(message))) return "not_found";
  if (FAILED.test(message)) return "error";
  return "allowed";
}

/** Next's redirect()/notFound()/forbidden() throw errors with a digest; an action that redirects has run. */
export function classifyThrown(error: unknown): Outcome {
  const digest = typeof error === "object" && error && "digest" in error ? String((error as { digest: unknown }).digest) : "";
  if (digest.startsWith("NEXT_REDIRECT")) return /;\/login/.test(digest) ? "refused" : "allowed";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not_found";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403" || digest === "NEXT_HTTP_ERROR_FALLBACK;401") return "refused";
  throw error;
}

export function classifyResponse(response: Response): Outcome {
  if (response.status === 401 || response.status === 403) return "refused";
  if (response.status === 404) return "not_found";
  if (response.status >= 500) return "error";
  return "allowed";
}
