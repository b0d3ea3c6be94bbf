import "server-only";
import { authConfigProblems, clientIpWarning } from "@/lib/auth/auth-config-problems";
import { describeOutdatedMasterKey } from "@/lib/api-key/required-master-key";
import { assertKeyEncryptionKeysConfigured } from "@/lib/crypto/key-encryption-keys";
import { componentLogger } from "@/lib/log/logger";
import { startProcessLogging } from "@/lib/log/start-process-logging";
import { formatAbortReasonStacks } from "@/lib/runtime/abort-reason-stacks";
import { readYazsanaConfig } from "@/lib/yazsana";

/**
 * Runs once when the Node.js server starts: logs one JSON line per request and
 * per upstream call (lib/log), scrubs API keys from everything the process
 * logs, and makes a missing or
 * malformed master key or Yazsana address loud from the first second rather
 * than at the first key save or page render; the same for what keeps sessions
 * safe (NEXTAUTH_SECRET, an https NEXTAUTH_URL, valid session lifetimes).
 */
export function startServer(): void {
  formatAbortReasonStacks();
  startProcessLogging({ requests: true });
  const log = componentLogger("startup");
  const problems: string[] = [];
  try {
    const { versions, newest } = assertKeyEncryptionKeysConfigured();
    log.info({ check: "key custody", versions, newest }, `master keys loaded: ${versions.join(", ")} (new keys sealed with ${newest})`);
    // After keys:rotate moved on, a server left with older keys must say so
    // at once (saving a key is refused too). In the background: the database
    // may not be up yet, and that is not this check's to report.
    void describeOutdatedMasterKey().then((problem) => problem && log.error({ check: "key custody" }, problem));
  } catch (error) {
    log.error({ check: "key custody" }, (error as Error).message);
    problems.push("key custody");
  }
  // A bad upstream address would otherwise surface only on the first page
  // that talks to Yazsana, as a failure of that page's data.
  try {
    readYazsanaConfig();
  } catch (error) {
    log.error({ check: "yazsana" }, (error as Error).message);
    problems.push("yazsana");
  }
  const authProblems = authConfigProblems();
  for (const problem of authProblems) log.error({ check: "auth" }, problem);
  if (authProblems.length > 0) problems.push("auth");
  // In production a server that can neither store, read nor use keys, nor
  // keep sessions safe, should not pretend to be up: exit so the process
  // manager reports it.
  if (problems.length > 0 && process.env.NODE_ENV === "production") {
    for (const problem of problems) log.fatal({ check: problem }, `${problem}: refusing to start.`);
    log.flush();
    process.exit(1);
  }
  const ipWarning = clientIpWarning();
  if (ipWarning) log.warn({ check: "auth" }, ipWarning);
}
