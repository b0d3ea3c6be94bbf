import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FormData } from "undici";
import { FIXTURE } from "@/sim/testing";
import { BenchFailure, type Probe } from "./bench-load";
import type { RscNavigation } from "./bench-rsc-navigation";
import type { SpendingFixture } from "./bench-spending";
import { PROJECT_ROOT } from "./local-env";

/** How React writes text into HTML. */
export const asHtmlText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/**
 * The id Next.js gave the single-SMS server action in this build, read from
 * the client chunks that call it (`createServerReference("<id>", …, "sendSmsAction")`).
 */
export function sendSmsActionId(buildDir = path.join(PROJECT_ROOT, ".next")): string {
  const pattern = /createServerReference\)\("([0-9a-f]{40,})",[^)]*?"sendSmsAction"\)/;
  const chunks = path.join(buildDir, "static", "chunks");
  const files = existsSync(chunks) ? readdirSync(chunks, { recursive: true, encoding: "utf8" }) : [];
  for (const file of files.filter((name) => name.endsWith(".js"))) {
    const match = pattern.exec(readFileSync(path.join(chunks, file), "utf8"));
    if (match) return match[1]!;
  }
  throw new BenchFailure("Could not find the id of sendSmsAction in the build's client chunks.");
}

/**
 * What a browser's useActionState posts for `sendSmsAction(previousState, formData)`:
 * React's reply encoding (the FormData's fields under the prefix "_1_", then
 * the arguments as JSON in field "0" — field for field what a captured
 * Chromium post holds), with the action's id in `Next-Action`.
 * Each call gets a new idempotency key, so each is a new send.
 */
function sendSingleBody(actionId: string, workspaceId: string) {
  return () => {
    const form = new FormData();
    form.append("_1_renderedForWorkspaceId", workspaceId);
    form.append("_1_idempotencyKey", randomUUID());
    form.append("_1_recipient", "0555 123 45 67");
    form.append("_1_message", "Bench single send");
    form.append("_1_serviceId", FIXTURE.services.standard);
    // The root last, as browsers send it: the server decodes the stream as it
    // arrives, so a form referenced before its fields holds none of them.
    form.append("0", JSON.stringify([{ ok: false }, "$K1"]));
    return { body: form, headers: { "next-action": actionId, accept: "text/x-component" } };
  };
}

export type PortalProbeInput = {
  appUrl: string;
  simUrl: string;
  demoKey: string;
  barePageUrl: string;
  cookie: string;
  appPid: number | undefined;
  simPid: number | undefined;
  barePid: number | undefined;
  workspaceId: string;
  /** A sending with messages, for `sending-detail`. */
  detailSendingId: string;
  /** Text the first page of sendings must show (the newest sending's message). */
  newestMessage: string;
  /** The RSC request a browser's navigation to page 2 makes (bench-rsc-navigation.ts), replayed as sent; the row is left out until it is captured. */
  reportsNavigation: RscNavigation | undefined;
  /** Text the second page of sendings must show. */
  secondPageMessage: string;
  /** The last organization of the demo key: proves the header's (and dashboard's) streamed parts arrived. */
  lastOrganization: string;
  actionId: string;
  /** The second member and the campaign awaiting approval the spend pages must list. */
  spending: SpendingFixture;
};

/** The scenarios every run measures at each concurrency, in the order they run. */
export function portalProbes(input: PortalProbeInput): Probe[] {
  const { appUrl, cookie, appPid } = input;
  const organization = asHtmlText(input.lastOrganization);
  const newest = asHtmlText(input.newestMessage);
  const page = (scenario: string, route: string, ...mustContain: string[]): Probe => ({
    scenario,
    url: `${appUrl}${route}`,
    headers: { cookie },
    mustContain,
    serverPid: appPid,
  });
  return [
    { scenario: "bare", url: input.barePageUrl, mustContain: [newest], serverPid: input.barePid },
    {
      scenario: "simulator",
      url: `${input.simUrl}/sms-sendings?page=0&limit=20`,
      headers: { accept: "application/json", "x-api-key": input.demoKey },
      mustContain: [JSON.stringify(input.newestMessage)],
      serverPid: input.simPid,
    },
    page("reports", "/reports", newest, organization),
    // A client-side navigation to page 2: the RSC payload only (what the router fetches), not HTML.
    ...(input.reportsNavigation
      ? [{ ...page("reports-rsc", input.reportsNavigation.path, input.secondPageMessage), headers: { ...input.reportsNavigation.headers, cookie } }]
      : []),
    page("sending-detail", `/reports/${input.detailSendingId}`, "Bench detail sending"),
    page("services", "/services", "SMS Standart"),
    page("send-form", "/send", 'name="idempotencyKey"', organization),
    {
      scenario: "send-single",
      url: `${appUrl}/send`,
      method: "POST",
      headers: { cookie },
      body: sendSingleBody(input.actionId, input.workspaceId),
      mustContain: ['"ok":true'],
      serverPid: appPid,
    },
    page("dashboard", "/dashboard", "Member credit", organization),
    page("settings-spending", "/settings/spending", `data-testid="spend-${asHtmlText(input.spending.senderEmail)}"`, organization),
    page("send-approvals", "/send/approvals", `data-testid="approval-${input.spending.awaitingCampaignId}"`, organization),
    page("reports-spending", "/reports/spending", `data-testid="spending-${asHtmlText(input.spending.senderEmail)}-personal"`, organization),
    { scenario: "health", url: `${appUrl}/api/health`, mustContain: ['"status":"ok"'], serverPid: appPid },
  ];
}
