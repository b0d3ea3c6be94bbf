import type { IncomingHttpHeaders } from "node:http";
import type { SimState } from "./state";

/** "1.0.0" is the older API: one-based pages and no `source` on sendings. */
export type ApiVersion = "1.2.0" | "1.0.0";

/** What every handler may use. `state` is replaced wholesale by a reset. */
export type SimRuntime = {
  state: SimState;
  seed: number;
  apiVersion: ApiVersion;
  /** Most numbers one bulk send may carry (the real limit is unpublished). */
  maxBulkRecipients: number;
  now(): number;
  /** While true the automatic lifecycle step does nothing (POST /__sim/tick still advances). */
  lifecyclePaused?: boolean;
  /** Tells the snapshot writer that something worth keeping changed. */
  changed(): void;
};

export type SimRequest = {
  runtime: SimRuntime;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  params: Record<string, string>;
  rawBody: string;
};

export type SimReply = { status: number; body: unknown };

export type Handler = (request: SimRequest) => SimReply;

export const ok = (data: unknown, status = 200): SimReply => ({ status, body: { success: true, data } });
