import "server-only";
import { authConfigProblems, clientIpWarning } from "@/lib/auth/auth-config-problems";
import { assertKeyEncryptionKeysConfigured } from "@/lib/crypto/key-encryption-keys";
import { installLogRedaction } from "@/lib/log/redacting-console";
import { setYazsanaCallObserver } from "@/lib/yazsana";

/**
 * Runs once when the Node.js server starts: scrubs API keys from everything
 * the process logs, logs one line per upstream call, and makes a missing or
 * malformed master key loud from the first second rather than at the first
 * key save; the same for what keeps sessions safe (NEXTAUTH_SECRET, an https
 * NEXTAUTH_URL, valid session lifetimes).
 */
export function startServer(): void {
  installLogRedaction();
  // One line per upstream attempt: operation, outcome and latency, nothing else.
  setYazsanaCallObserver(({ method, operation, attempt, status, errorKind, durationMs }) => {
    const outcome = errorKind ? `${status ?? "-"} ${errorKind}` : String(status);
    console.log(`[yazsana] ${method} ${operation} attempt ${attempt}: ${outcome} in ${Math.round(durationMs)} ms`);
  });
  try {
    const { versions, newest } = assertKeyEncryptionKeysConfigured();
    console.log(`[key custody] master keys loaded: ${versions.join(", ")} (new keys sealed with ${newest})`);
  } catch (error) {
    console.error(`[key custody] ${(error as Error).message}`);
    // In production a server that can neither store nor read keys should not
    // pretend to be up: exit so the process manager reports it.
    if (process.env.NODE_ENV === "production") {
      console.error("[key custody] refusing to start.");
      process.exit(1);
    }
  }
  const authProblems = authConfigProblems();
  for (const problem of authProblems) console.error(`[auth] ${problem}`);
  if (authProblems.length && process.env.NODE_ENV === "production") {
    console.error("[auth] refusing to start.");
    process.exit(1);
  }
  const ipWarning = clientIpWarning();
  if (ipWarning) console.warn(`[auth] ${ipWarning}`);
}
