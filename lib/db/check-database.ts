import "server-only";
import { describeErrorForLog } from "@/lib/log/describe-error-for-log";
import { db } from "./client";
import { componentLogger } from "@/lib/log/logger";

export type DatabaseCheck = { ok: true } | { ok: false; reason: string };

/** Asks the database a trivial question, bounded so a hung server can't hang the caller. */
export async function checkDatabase(timeoutMs = 2000): Promise<DatabaseCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseCheck>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `database did not answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const query = db.$queryRaw`SELECT 1`.then(
    (): DatabaseCheck => ({ ok: true }),
    (error: unknown): DatabaseCheck => {
      componentLogger("health").error({ error: describeErrorForLog(error) }, "database check failed");
      return { ok: false, reason: "database unreachable" };
    },
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
