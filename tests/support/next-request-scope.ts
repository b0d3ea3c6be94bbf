/**
 * Next's request scope for integration tests that call pages' data code,
 * server actions and route handlers in-process: outside Next there is none.
 * A test file routes Next's modules here, one line each (vi.mock is hoisted
 * above the imports, and a factory may only reach modules it imports itself):
 *
 *   vi.mock("next/headers", async () => (await import("../support/next-request-scope")).nextHeaders);
 *   vi.mock("next/cache", async () => (await import("../support/next-request-scope")).nextCache);
 *
 * and signs a persona in with `setSessionToken(...)`: the app reads the session
 * cookie from the cookie store (lib/auth/read-session-token.ts); the request
 * headers are those of an empty request from no proxy. The factory's import
 * and the test's are the same module, so they share the token.
 */
const SESSION_COOKIE = "next-auth.session-token";

let sessionToken: string | null = null;

/** The signed session cookie the next calls carry (null: signed out). */
export function setSessionToken(token: string | null): void {
  sessionToken = token;
}

export const nextHeaders = {
  headers: async () => new Headers(),
  cookies: async () => {
    const value = (name: string) => (name === SESSION_COOKIE ? sessionToken : null);
    return {
      get: (name: string) => {
        const found = value(name);
        return found === null ? undefined : { name, value: found };
      },
      getAll: () => (sessionToken === null ? [] : [{ name: SESSION_COOKIE, value: sessionToken }]),
      has: (name: string) => value(name) !== null,
      set: () => {},
      delete: () => {},
    };
  },
};

/** Cache invalidation needs Next's render scope; it isn't what these tests look at. */
export const nextCache = { revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} };
