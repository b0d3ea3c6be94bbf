import "server-only";
import { authConfigProblems, clientIpWarning } from "@/lib/auth/auth-config-problems";
import { assertKeyEncryptionKeysConfigured } from "@/lib/crypto/key-encryption-keys";
import { installLogRedaction } from "@/lib/log/redacting-console";
import { readYazsanaConfig, setYazsanaCallObserver } from "@/lib/yazsana";

/**
 * Runs once when the Node.js server starts: scrubs API keys from everything
 * the process logs, logs one line per upstream call, and makes a missing or
 * malformed master key or Yazsana address loud from the first second rather
 * than at the first key save or page render; the same for what keeps
 * sessions safe (NEXTAUTH_SECRET, an https NEXTAUTH_URL, valid session lifetimes).
 */
export function startServer(): void {
  installLogRedaction();
  // One line per upstream attempt: operation, outcome and latency, nothing else.
  setYazsanaCallObserver(({ method, operation, attempt, status, errorKind, abandoned, durationMs }) => {
    const outcome = abandoned ? "abandoned by the caller" : errorKind ? `${status ?? "-"} ${errorKind}` : String(status);
    console.log(`[yazsana] ${method} ${operation} attempt ${attempt}: ${outcome} in ${Math.round(durationMs)} ms`);
  });
  const problems: string[] = [];
  try {
    const { versions, newest } = assertKeyEncryptionKeysConfigured();
    console.log(`[key custody] master keys loaded: ${versions.join(", ")} (new keys sealed with ${newest})`);
  } catch (error) {
    console.error(`[key custody] ${(error as Error).message}`);
    problems.push("key custody");
  }
  // A bad upstream address would otherwise surface only on the first page
  // that talks to Yazsana, as a failure of that page's data.
  try {
    readYazsanaConfig();
  } catch (error) {
    console.error(`[yazsana] ${(error as Error).message}`);
    problems.push("yazsana");
  }
  // In production a server that can neither store, read nor use keys should
  // not pretend to be up: exit so the process manager reports it.
  if (problems.length > 0 && process.env.NODE_ENV === "production") {
    for (const problem of problems) console.error(`[${problem}] refusing to start.`);
    process.exit(1);
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
