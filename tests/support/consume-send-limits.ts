/**
 * A second, separate process checking the send limits on the same database
 * (its own pool and limiters), for tests/integration/send-limits.test.ts:
 *
 *   tsx --conditions=react-server tests/support/consume-send-limits.ts <workspaceId> <userId> <attempts>
 *
 * Prints a JSON array: null for each send allowed, the refusal otherwise.
 */
import { refuseOverSendLimits } from "@/lib/sending/check-send-limits";
import { closeRateLimiters } from "@/lib/rate-limit/limiter-store";

const [workspaceId, userId, attempts] = process.argv.slice(2);
const context = {
  user: { id: userId!, email: "second-instance@example.com", name: "Second instance", currentWorkspaceId: workspaceId!, locale: null, timeZone: null },
  workspace: { id: workspaceId!, name: "Second instance" },
  role: "sender" as const,
};
const results: Array<string | null> = [];
for (let attempt = 0; attempt < Number(attempts); attempt++) results.push(await refuseOverSendLimits(context, 1));
await closeRateLimiters();
process.stdout.write(`${JSON.stringify(results)}\n`);
