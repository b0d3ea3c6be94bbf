/**
 * After the load: every send it was told succeeded must be in the simulator
 * exactly once and in the local records. Each send's message text is unique
 * to it (a campaign's chunks share their campaign's), so the simulator's
 * sendings are matched by text. Imports lib/: DATABASE_URL must be set.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { CampaignSend, SingleSend } from "./load-scenario";

/** `unaccounted`: sendings of this run no successful request accounts for (sent although the load was told otherwise). */
export type Verdict = { sends: number; duplicated: number; lost: number; unaccounted: number; problems: string[] };

type SimSending = { id: string; sampleMessageText?: string | null };

/** Every sending of the demo key's personal context, page by page (the simulator serves at most 100 a page). */
async function simulatorSendings(simUrl: string, demoKey: string, runId: string): Promise<SimSending[]> {
  const found: SimSending[] = [];
  for (let page = 0; ; page++) {
    const query = new URLSearchParams({ page: String(page), limit: "100", text: `Load ${runId}` });
    const response = await fetch(`${simUrl}/sms-sendings?${query}`, { headers: { "x-api-key": demoKey, accept: "application/json" } });
    if (!response.ok) throw new Error(`The simulator answered ${response.status} to its sendings list.`);
    const body = (await response.json()) as { data: { items: SimSending[]; totalPages: number } };
    found.push(...body.data.items);
    if (page + 1 >= body.data.totalPages || body.data.items.length === 0) return found;
  }
}

/** Waits (up to `timeoutMs`) until the worker has finished every confirmed campaign. */
export async function waitForCampaigns(campaignIds: string[], timeoutMs: number): Promise<number> {
  const { db } = await import("@/lib/db/client");
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await db.campaign.count({ where: { id: { in: campaignIds }, state: { in: ["scheduled", "running"] } } });
    if (open === 0 || Date.now() > until) return open;
    await sleep(1000);
  }
}

export async function verifySends(input: { simUrl: string; demoKey: string; runId: string; singles: SingleSend[]; campaigns: CampaignSend[] }): Promise<Verdict> {
  const { db } = await import("@/lib/db/client");
  const problems: string[] = [];
  const byText = new Map<string, SimSending[]>();
  for (const sending of await simulatorSendings(input.simUrl, input.demoKey, input.runId)) {
    const text = sending.sampleMessageText ?? "";
    byText.set(text, [...(byText.get(text) ?? []), sending]);
  }
  let sends = 0;
  let duplicated = 0;
  let lost = 0;
  const note = (problem: string) => {
    if (problems.length < 20) problems.push(problem);
  };

  for (const single of input.singles) {
    sends++;
    const upstream = byText.get(single.text) ?? [];
    byText.delete(single.text);
    const records = await db.sendRecord.findMany({ where: { workspaceId: single.workspaceId, idempotencyKey: single.idempotencyKey }, select: { state: true, sendingId: true } });
    if (upstream.length > 1) {
      duplicated += upstream.length - 1;
      note(`"${single.text}" is in the simulator ${upstream.length} times`);
    }
    const inSimulator = upstream.some((sending) => sending.id === single.sendingId);
    const recorded = records.length === 1 && records[0]!.state === "accepted" && records[0]!.sendingId === single.sendingId;
    if (!inSimulator || !recorded) {
      lost += 1;
      note(`"${single.text}": in the simulator ${inSimulator ? "yes" : "no"}, local record ${JSON.stringify(records)}`);
    }
  }

  for (const campaign of input.campaigns) {
    const chunks = await db.sendRecord.findMany({ where: { campaignId: campaign.campaignId }, select: { state: true, sendingId: true, recipientCount: true } });
    sends += chunks.length;
    const upstream = byText.get(campaign.text) ?? [];
    byText.delete(campaign.text);
    const upstreamIds = new Set(upstream.map((sending) => sending.id));
    if (upstream.length > chunks.length) {
      duplicated += upstream.length - chunks.length;
      note(`campaign "${campaign.text}": ${upstream.length} sendings for ${chunks.length} chunks`);
    }
    const recipients = chunks.reduce((sum, chunk) => sum + chunk.recipientCount, 0);
    if (recipients !== campaign.recipients) note(`campaign "${campaign.text}": chunks hold ${recipients} recipients, the review said ${campaign.recipients}`);
    for (const chunk of chunks) {
      if (chunk.state !== "accepted" || !chunk.sendingId || !upstreamIds.has(chunk.sendingId)) {
        lost++;
        note(`campaign "${campaign.text}": a chunk is ${chunk.state}, sending ${chunk.sendingId ?? "none"} ${chunk.sendingId && upstreamIds.has(chunk.sendingId) ? "found" : "not found"} in the simulator`);
      }
    }
    if (new Set(chunks.map((chunk) => chunk.sendingId)).size !== chunks.length) {
      duplicated += 1;
      note(`campaign "${campaign.text}": two chunks share a sending`);
    }
  }

  let unaccounted = 0;
  for (const [text, upstream] of byText) {
    unaccounted += upstream.length;
    note(`"${text}" is in the simulator ${upstream.length} time(s) but the load was not told it was sent`);
  }
  return { sends, duplicated, lost, unaccounted, problems };
}
