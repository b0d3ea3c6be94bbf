/**
 * The bad-input corpus over HTTP against the production build: pages and
 * routes with ids in their path, report filters in the query, a server action
 * nobody has, an oversized action body, junk to next-auth and the bulk review.
 * Each answers a 4xx (404 for an id that can't exist) or falls back to its
 * defaults — never a 5xx. In-process calls of every action and route handler:
 * tests/integration/bad-input.test.ts.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { serverActionId } from "../../scripts/lib/load-actions";
import { ID_CORPUS, PROPERTY_SETTINGS } from "../support/bad-input-corpus";
import { ownerWithDemoKey } from "./support/accounts";

/** Path segments that can't be a UUID (an empty one would name another page). */
const BAD_IDS = ID_CORPUS.filter((entry) => entry.value !== "").map((entry) => ({ label: entry.label, segment: encodeURIComponent(entry.value) }));

const BAD_QUERIES = [
  "page=abc&limit=-5",
  "page=1e309&limit=999999999",
  "from=2026-13-45&to=2026-02-30",
  "completed=maybe&source=..%2F..%2Fetc%2Fpasswd",
  "source=%3Cscript%3Ealert(1)%3C%2Fscript%3E&text=%00",
  "text=%ED%A0%80&status=%FF",
  `text=${"x".repeat(3000)}`,
  "action=%3Cscript%3E&member=..%2F..%2Fetc&page=-1",
  "member=------------------------------------",
];

async function statusOf(request: APIRequestContext, url: string, init: Parameters<APIRequestContext["fetch"]>[1] = {}): Promise<number> {
  const response = await request.fetch(url, { maxRedirects: 0, ...init });
  await response.body();
  return response.status();
}

// 404 is the pages' own answer; Next itself may refuse a path it can't decode (a NUL) with 400 first.
const refusedId = (status: number) => status === 404 || status === 400;

test("pages and routes with ids answer 404 for anything that is not one, never a 5xx", async ({ page }) => {
  test.setTimeout(180_000);
  await ownerWithDemoKey(page);
  const answers: string[] = [];
  for (const { label, segment } of BAD_IDS) {
    for (const path of [`/reports/${segment}`, `/reports/${segment}/messages.csv`, `/send/campaigns/${segment}`, `/send/campaigns/${segment}/invalid-lines`]) {
      const status = await statusOf(page.request, path);
      if (!refusedId(status)) answers.push(`${path} (${label}): ${status}`);
    }
    // Invitation and confirmation links: a clear page with 404 (README → Teams).
    for (const path of [`/invite/${segment}`, `/verify-email/${segment}`]) {
      const status = await statusOf(page.request, path);
      if (!refusedId(status)) answers.push(`${path} (${label}): ${status}`);
    }
  }
  expect(answers).toEqual([]);
});

test("report filters, audit filters and CSV exports fall back to defaults for malformed queries", async ({ page }) => {
  test.setTimeout(180_000);
  await ownerWithDemoKey(page);
  const answers: string[] = [];
  for (const query of BAD_QUERIES) {
    for (const path of ["/reports", "/reports/export.csv", "/settings/audit", "/send/campaigns", "/dashboard", "/api/health"]) {
      const status = await statusOf(page.request, `${path}?${query}`);
      if (status !== 200) answers.push(`${path}?${query.slice(0, 60)}: ${status}`);
    }
  }
  expect(answers).toEqual([]);
});

test("junk to server actions, the bulk review and next-auth gets a 4xx, never a 5xx", async ({ page }) => {
  test.setTimeout(120_000);
  await ownerWithDemoKey(page);
  const clientError = (status: number) => status >= 400 && status < 500;
  // next-auth answers its refusals with redirects to its sign-in or error page.
  const refusedByNextAuth = (status: number) => status >= 300 && status < 500;
  // The action's own answer (the "request could not be read" state) comes in a 200 RSC payload.
  const answered = (status: number) => status < 500;
  const calls: Array<{ label: string; url: string; init: Parameters<APIRequestContext["fetch"]>[1]; expect: (status: number) => boolean }> = [
    { label: "an action id nobody has", url: "/send", init: { method: "POST", headers: { "next-action": "0".repeat(42), accept: "text/x-component" }, data: "[]" }, expect: answered },
    { label: "a traversal as action id", url: "/send", init: { method: "POST", headers: { "next-action": "../../etc/passwd", accept: "text/x-component" }, data: "[]" }, expect: answered },
    { label: "bulk review without options", url: "/api/bulk/review", init: { method: "POST", data: "905551234567" }, expect: clientError },
    { label: "bulk review with junk options", url: "/api/bulk/review", init: { method: "POST", headers: { "x-bulk-review": "%7B%22workspaceId%22%3A1%7D" }, data: "905551234567" }, expect: clientError },
    { label: "credentials without a CSRF token", url: "/api/auth/callback/credentials", init: { method: "POST", form: { email: "' OR '1'='1", password: "\u0000" } }, expect: refusedByNextAuth },
    { label: "an unknown next-auth route", url: "/api/auth/..%2F..%2Fetc%2Fpasswd", init: { method: "GET" }, expect: answered },
    { label: "a provider that does not exist", url: "/api/auth/signin/%3Cscript%3E", init: { method: "POST", form: { csrfToken: "x" } }, expect: refusedByNextAuth },
  ];
  const answers: string[] = [];
  for (const call of calls) {
    const status = await statusOf(page.request, call.url, call.init);
    if (!call.expect(status)) answers.push(`${call.label}: ${status}`);
  }
  expect(answers).toEqual([]);
});

const actionHeaders = () => ({
  "next-action": serverActionId("app/(portal)/send/actions.ts", "sendSmsAction"),
  accept: "text/x-component",
  "content-type": "text/plain;charset=UTF-8",
});

// Next 16 answers its own "Body exceeded 1 MB limit" (413) as a 500: proxy.ts refuses it first.
test("a server action body over 1 MB gets a 413", async ({ page }) => {
  await ownerWithDemoKey(page);
  expect(await statusOf(page.request, "/send", { method: "POST", headers: actionHeaders(), data: `["${"x".repeat(2_000_000)}"]` })).toBe(413);
});

/** A FormData body as the browser sends one: multipart, with the encoder's boundary. */
async function multipartBody(fields: Record<string, string>): Promise<{ contentType: string; body: Buffer }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const wire = new Response(form);
  return { contentType: wire.headers.get("content-type")!, body: Buffer.from(await wire.arrayBuffer()) };
}

/**
 * Next 16 spreads whatever an action call's body decodes to into the action
 * and throws (a 500) on anything but a list, before our wrapper runs:
 * proxy.ts refuses such bodies with 400 (lib/actions/check-action-body.ts).
 * A call encoded as the browser encodes it still reaches the action.
 */
test("non-list arguments to a server action get a 4xx, never a 5xx", async ({ page }) => {
  test.setTimeout(120_000);
  await ownerWithDemoKey(page);
  const textBodies = ['"hello"', "{}", "1", "null", "", "garbage", '"$1"', JSON.stringify(Array.from({ length: 1001 }, () => 0))];
  const generated = fc.sample(fc.jsonValue().filter((value) => !Array.isArray(value) && value !== undefined), { numRuns: 8, seed: PROPERTY_SETTINGS.seed });
  const answers: string[] = [];
  for (const body of [...textBodies, ...generated.map((value) => JSON.stringify(value))]) {
    const status = await statusOf(page.request, "/send", { method: "POST", headers: actionHeaders(), data: body });
    if (status !== 400) answers.push(`text ${body.slice(0, 40)}: ${status}`);
  }
  const multipartBodies: Record<string, Record<string, string>> = {
    "a string root": { "0": '"hello"', "1_recipient": "0555 123 45 67" },
    "an object root": { "0": "{}" },
    "no root": { "1_message": "hi" },
    "a no-JS form's fields": { "$ACTION_ID_0000": "", message: "hi" },
  };
  for (const [label, fields] of Object.entries(multipartBodies)) {
    const { contentType, body } = await multipartBody(fields);
    const status = await statusOf(page.request, "/send", { method: "POST", headers: { ...actionHeaders(), "content-type": contentType }, data: body });
    if (status !== 400) answers.push(`multipart with ${label}: ${status}`);
  }
  expect(answers).toEqual([]);

  // The same action, called with (previous state, FormData) as React encodes it: the wrapper itself answers (a refusal state).
  const { contentType, body } = await multipartBody({ "0": JSON.stringify([{ ok: false }, "$K1"]), "1_recipient": "not a phone", "1_message": "" });
  const answer = await page.request.fetch("/send", { method: "POST", headers: { ...actionHeaders(), "content-type": contentType }, data: body, maxRedirects: 0 });
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toContain('"ok":false');
});

const decodeHtml = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields React renders into the server-rendered form that has a field named `field` (how a browser without JavaScript posts it). */
function hiddenFieldsOfForm(html: string, field: string): Record<string, string> {
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].map((match) => match[1]!).find((inner) => inner.includes(`name="${field}"`));
  if (!form) throw new Error(`no form with a "${field}" field in the page`);
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
    if (!tag.includes('type="hidden"')) continue;
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    if (name) fields[decodeHtml(name)] = decodeHtml(/value="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  return fields;
}

/**
 * A form posted without JavaScript carries no Next-Action header: its hidden
 * fields name the action ($ACTION_REF_…, $ACTION_KEY) and Next answers with
 * the page rendered with the result. proxy.ts's action check must leave it
 * alone. (A browser with JavaScript off can't be used here: the page streams
 * its content behind a loading state that only JavaScript reveals.)
 */
test("a form posted without JavaScript still reaches its action", async ({ page }) => {
  await ownerWithDemoKey(page);
  const html = await (await page.request.get("/settings")).text();
  const fields = hiddenFieldsOfForm(html, "name");
  expect(Object.keys(fields).some((name) => name.startsWith("$ACTION_"))).toBe(true);
  const answer = await page.request.post("/settings", { multipart: { ...fields, name: "Nojs Nameson" }, maxRedirects: 0 });
  expect(answer.status()).toBe(200);
  await page.goto("/settings");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Nojs Nameson");
});
