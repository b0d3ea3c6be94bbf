/**
 * What one simulated user does until the deadline: think for a moment, then
 * browse reports and a sending's details, export CSV, open the dashboard or
 * the send page, send a single SMS, or now and then review and confirm a small
 * campaign — each step checked (status and content) and timed per page.
 */
import { randomInt, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { request, type Dispatcher } from "undici";
import { callServerAction } from "./load-actions";
import type { LoadUser } from "./load-users";

export type LoadTarget = {
  baseUrl: string;
  runId: string;
  serviceId: string;
  sendActionId: string;
  confirmActionId: string;
  dispatcher: Dispatcher;
  deadline: number;
  signal: AbortSignal;
};

/** Everything the load sent, to be found afterwards in the simulator and the local records. */
export type SingleSend = { text: string; sendingId: string; idempotencyKey: string; workspaceId: string };
export type CampaignSend = { text: string; campaignId: string; recipients: number; workspaceId: string };

export class LoadStats {
  readonly samples = new Map<string, number[]>();
  requests = 0;
  errors = 0;
  readonly errorExamples: string[] = [];
  readonly singles: SingleSend[] = [];
  readonly campaigns: CampaignSend[] = [];
  /** Sendings each workspace has made, for the detail pages. */
  readonly sendingsByWorkspace = new Map<string, string[]>();

  record(label: string, milliseconds: number) {
    this.requests++;
    const list = this.samples.get(label) ?? [];
    list.push(milliseconds);
    this.samples.set(label, list);
  }

  fail(label: string, why: string) {
    this.errors++;
    if (this.errorExamples.length < 20) this.errorExamples.push(`${label}: ${why}`);
  }
}

/**
 * What only a failed page renders: a report's error state, the portal's error
 * boundary's heading. (The bare sentences are in every page's client message
 * catalog, so they can't be the marker.)
 */
const FAILURE_MARKERS = ["data-error-kind=", ">This page could not be loaded</h1>", ">Something went wrong</h1>"];
const TIMEOUT_MS = 60_000;

class StepFailure extends Error {}

async function timed<T>(stats: LoadStats, label: string, step: () => Promise<T>): Promise<T | undefined> {
  const started = performance.now();
  try {
    const result = await step();
    stats.record(label, performance.now() - started);
    return result;
  } catch (error) {
    stats.record(label, performance.now() - started);
    stats.fail(label, error instanceof StepFailure ? error.message : `${(error as Error).name}: ${(error as Error).message}`);
    return undefined;
  }
}

async function getPage(target: LoadTarget, user: LoadUser, path: string, mustContain: string[]): Promise<string> {
  const signal = AbortSignal.any([target.signal, AbortSignal.timeout(TIMEOUT_MS)]);
  const response = await request(`${target.baseUrl}${path}`, { headers: { cookie: user.cookie }, dispatcher: target.dispatcher, signal });
  const body = await response.body.text();
  if (response.statusCode !== 200) throw new StepFailure(`GET ${path} answered ${response.statusCode}`);
  const failed = FAILURE_MARKERS.find((marker) => body.includes(marker));
  if (failed) throw new StepFailure(`GET ${path} showed a failure (${failed})`);
  const missing = mustContain.find((text) => !body.includes(text));
  if (missing) throw new StepFailure(`GET ${path} answered without ${JSON.stringify(missing)}`);
  return body;
}

/** The action's own answer in an RSC payload: the row the first row points at ("a":"$@1" → row 1). */
const actionResult = (payload: string) => (/(?:^|\n)1:(.*)/.exec(payload)?.[1] ?? payload).slice(0, 300);

const mobile = () => `0555 ${randomInt(100, 1000)} ${String(randomInt(0, 100)).padStart(2, "0")} ${String(randomInt(0, 100)).padStart(2, "0")}`;
const bulkNumbers = (count: number) => Array.from({ length: count }, () => `90555${String(randomInt(0, 10_000_000)).padStart(7, "0")}`);

async function sendSingle(target: LoadTarget, user: LoadUser, stats: LoadStats, counter: number) {
  const text = `Load ${target.runId} single u${user.index} n${counter}`;
  const idempotencyKey = randomUUID();
  await timed(stats, "POST send SMS (server action)", async () => {
    const signal = AbortSignal.any([target.signal, AbortSignal.timeout(TIMEOUT_MS)]);
    const answer = await callServerAction({
      baseUrl: target.baseUrl,
      pagePath: "/send",
      actionId: target.sendActionId,
      cookie: user.cookie,
      dispatcher: target.dispatcher,
      signal,
      fields: { renderedForWorkspaceId: user.workspaceId, recipient: mobile(), message: text, serviceId: target.serviceId, idempotencyKey },
    });
    const sendingId = /"ok":true[\s\S]*?\/reports\/([0-9a-f-]{36})/.exec(answer.payload)?.[1];
    if (answer.status !== 200 || !sendingId) throw new StepFailure(`send answered ${answer.status}: ${actionResult(answer.payload)}`);
    stats.singles.push({ text, sendingId, idempotencyKey, workspaceId: user.workspaceId });
    const known = stats.sendingsByWorkspace.get(user.workspaceId) ?? [];
    known.push(sendingId);
    stats.sendingsByWorkspace.set(user.workspaceId, known);
  });
}

async function sendCampaign(target: LoadTarget, user: LoadUser, stats: LoadStats, counter: number) {
  const text = `Load ${target.runId} campaign u${user.index} n${counter}`;
  const numbers = bulkNumbers(randomInt(3, 13));
  const review = await timed(stats, "POST /api/bulk/review", async () => {
    const options = { workspaceId: user.workspaceId, source: "text", column: null, message: text, serviceId: target.serviceId };
    const signal = AbortSignal.any([target.signal, AbortSignal.timeout(TIMEOUT_MS)]);
    const response = await request(`${target.baseUrl}/api/bulk/review`, {
      method: "POST",
      dispatcher: target.dispatcher,
      signal,
      headers: { cookie: user.cookie, "content-type": "text/plain;charset=UTF-8", "x-bulk-review": encodeURIComponent(JSON.stringify(options)) },
      body: numbers.join("\n"),
    });
    const answer = (await response.body.json()) as { ok: boolean; review?: { campaignId: string; validCount: number }; message?: string };
    if (response.statusCode !== 200 || !answer.review) throw new StepFailure(`review answered ${response.statusCode}: ${answer.message ?? ""}`);
    return answer.review;
  });
  if (!review) return;
  await timed(stats, "POST confirm campaign (server action)", async () => {
    const signal = AbortSignal.any([target.signal, AbortSignal.timeout(TIMEOUT_MS)]);
    const answer = await callServerAction({
      baseUrl: target.baseUrl,
      pagePath: "/send/bulk",
      actionId: target.confirmActionId,
      cookie: user.cookie,
      dispatcher: target.dispatcher,
      signal,
      fields: { renderedForWorkspaceId: user.workspaceId, campaignId: review.campaignId },
    });
    if (!answer.redirect?.startsWith(`/send/campaigns/${review.campaignId}`)) {
      throw new StepFailure(`confirm answered ${answer.status} without redirecting to the campaign: ${actionResult(answer.payload)}`);
    }
    stats.campaigns.push({ text, campaignId: review.campaignId, recipients: review.validCount, workspaceId: user.workspaceId });
  });
}

/** The mix, as weights: mostly reading, some sending, a campaign now and then. */
const STEPS: Array<{ weight: number; run: (target: LoadTarget, user: LoadUser, stats: LoadStats, counter: number) => Promise<unknown> }> = [
  { weight: 30, run: (target, user, stats) => timed(stats, "GET /reports", () => getPage(target, user, "/reports", ["Download CSV"])) },
  {
    weight: 20,
    run: (target, user, stats) => {
      const known = stats.sendingsByWorkspace.get(user.workspaceId) ?? [];
      if (known.length === 0) return timed(stats, "GET /reports?page=1&limit=50", () => getPage(target, user, "/reports?page=1&limit=50", ["Download CSV"]));
      const sendingId = known[randomInt(0, known.length)]!;
      return timed(stats, "GET /reports/[sendingId]", () => getPage(target, user, `/reports/${sendingId}`, ["Messages of this sending"]));
    },
  },
  { weight: 8, run: (target, user, stats) => timed(stats, "GET /reports/export.csv", () => getPage(target, user, "/reports/export.csv?limit=20", ["Sending ID,Created (UTC)"])) },
  {
    weight: 4,
    run: (target, user, stats) => {
      const known = stats.sendingsByWorkspace.get(user.workspaceId) ?? [];
      if (known.length === 0) return Promise.resolve();
      const sendingId = known[randomInt(0, known.length)]!;
      return timed(stats, "GET /reports/[sendingId]/messages.csv", () => getPage(target, user, `/reports/${sendingId}/messages.csv`, ["Message ID,Recipient,Status"]));
    },
  },
  { weight: 10, run: (target, user, stats) => timed(stats, "GET /dashboard", () => getPage(target, user, "/dashboard", [])) },
  { weight: 8, run: (target, user, stats) => timed(stats, "GET /send", () => getPage(target, user, "/send", ['name="idempotencyKey"'])) },
  { weight: 15, run: sendSingle },
  { weight: 5, run: sendCampaign },
];
const TOTAL_WEIGHT = STEPS.reduce((sum, step) => sum + step.weight, 0);

function pickStep() {
  let roll = randomInt(0, TOTAL_WEIGHT);
  for (const step of STEPS) {
    if (roll < step.weight) return step;
    roll -= step.weight;
  }
  return STEPS[0]!;
}

/** One user's session: a think time of 1–4 s before each step, until the deadline. */
export async function runUser(target: LoadTarget, user: LoadUser, stats: LoadStats): Promise<void> {
  let counter = 0;
  // Spread the users' first clicks over the first few seconds.
  await sleep(randomInt(0, 3000), undefined, { signal: target.signal }).catch(() => {});
  while (Date.now() < target.deadline && !target.signal.aborted) {
    await pickStep().run(target, user, stats, counter++);
    const pause = randomInt(1000, 4000);
    if (Date.now() + pause >= target.deadline) break;
    await sleep(pause, undefined, { signal: target.signal }).catch(() => {});
  }
}
