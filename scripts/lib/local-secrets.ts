import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { LOCAL_ENV_FILE } from "./local-env";

/**
 * Generates the secrets a local start needs into `.env.local` (git-ignored) the
 * first time, so a second start reuses them — and the data encrypted with them.
 * A value already in the environment always wins.
 */
export function ensureLocalSecrets(generators: Record<string, () => string>): string[] {
  const created: string[] = [];
  for (const [name, generate] of Object.entries(generators)) {
    if (process.env[name]) continue;
    const value = generate();
    appendFileSync(LOCAL_ENV_FILE, `${name}=${value}\n`, { mode: 0o600 });
    process.env[name] = value;
    created.push(name);
  }
  return created;
}

export const randomSecret = (bytes = 32) => () => randomBytes(bytes).toString("base64url");
