import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import pg from "pg";
import type { AppMessages } from "../../../messages";
import { e2eStack } from "./stack";

/**
 * The upstream faults the fault suite plays, each with the sentence the
 * portal must show for it (read from the catalog, so the test proves what is
 * rendered). `read` is for pages and reads (GETs, retried), `send` for a
 * single send's outcome.
 */
const yazsana = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../../messages/en/yazsana.json"), "utf8")) as AppMessages["yazsana"];
const t = createTranslator({ locale: "en", messages: { yazsana }, namespace: "yazsana" });

/** Longer than the client waits on its own (5 s), so the page must say when to come back. */
export const RETRY_AFTER_SECONDS = 120;

export type UpstreamFault = {
  name: string;
  /** Arms the fault for the demo key's calls (or closes the port the app calls). */
  arm(options?: { operation?: string }): Promise<void>;
  read: string;
  send: { message: string; state: "failed" | "unknown"; audit: string };
};

async function simControl(pathname: string, method: string, body?: unknown) {
  const response = await fetch(`${e2eStack().simUrl}${pathname}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${pathname}: HTTP ${response.status}`);
}

const injected = (spec: Record<string, unknown>) => (options: { operation?: string } = {}) =>
  simControl("/__sim/faults", "POST", { apiKey: e2eStack().demoKey, ...spec, ...options });

/** Every fault off and the port open again. */
export const clearFaults = () => simControl("/__sim/faults", "DELETE");

export const FAULTS: UpstreamFault[] = [
  {
    name: "HTTP 500",
    arm: injected({ kind: "error", status: 500 }),
    read: t("unavailable"),
    send: { message: t("failedSend"), state: "unknown", audit: "sms.send_unknown" },
  },
  {
    name: "429 with Retry-After",
    arm: injected({ kind: "rate_limit", retryAfterSeconds: RETRY_AFTER_SECONDS }),
    read: t("rateLimitedFor", { seconds: RETRY_AFTER_SECONDS }),
    send: { message: t("rateLimitedFor", { seconds: RETRY_AFTER_SECONDS }), state: "failed", audit: "sms.send_failed" },
  },
  {
    name: "timeout",
    arm: injected({ kind: "timeout" }),
    read: t("timeout"),
    send: { message: t("timeoutSend"), state: "unknown", audit: "sms.send_unknown" },
  },
  {
    name: "malformed body",
    arm: injected({ kind: "malformed" }),
    read: t("malformed"),
    send: { message: t("malformedSend"), state: "unknown", audit: "sms.send_unknown" },
  },
  {
    name: "connection refused",
    // The whole port closes: a send first reads its context, which already fails.
    arm: () => simControl("/__sim/refuse", "POST", { refusing: true }),
    read: t("unavailable"),
    send: { message: t("unavailable"), state: "failed", audit: "" },
  },
];

/** A slow but successful answer. */
export const armSlowAnswer = injected({ kind: "latency", latencyMs: 5_000 });

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The newest single send of the owner's workspace, with the audit event recorded for it. */
export function latestSingleSend(ownerEmail: string) {
  return withClient(async (client) => {
    const { rows } = await client.query<{ id: string; state: string; error_kind: string | null; actions: string[] | null; sends: string }>(
      `SELECT s.id, s.state, s.error_kind,
              (SELECT array_agg(a.action) FROM audit_events a WHERE a.workspace_id = s.workspace_id AND a.target IN (s.id::text, s.yazsana_sending_id)) AS actions,
              (SELECT count(*) FROM sends x WHERE x.workspace_id = s.workspace_id AND x.campaign_id IS NULL)::text AS sends
         FROM sends s JOIN memberships m ON m.workspace_id = s.workspace_id JOIN users u ON u.id = m.user_id
        WHERE u.email = $1 AND s.campaign_id IS NULL
        ORDER BY s.created_at DESC LIMIT 1`,
      [ownerEmail.toLowerCase()],
    );
    return rows[0];
  });
}

/** Campaigns of the owner's workspace: all (drafts included), or only those confirmed. */
export function campaignCount(ownerEmail: string, { confirmed = false } = {}): Promise<number> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM campaigns c JOIN memberships m ON m.workspace_id = c.workspace_id JOIN users u ON u.id = m.user_id
        WHERE u.email = $1 AND ($2 = false OR c.state <> 'draft')`,
      [ownerEmail.toLowerCase(), confirmed],
    );
    return Number(rows[0]!.count);
  });
}
