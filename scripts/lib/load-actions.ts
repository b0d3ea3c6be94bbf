/**
 * Calling a server action over HTTP as the browser does: the action's id from
 * the build's server-reference manifest, a POST to the page with the
 * `Next-Action` header, and the arguments (previous state, FormData) encoded
 * by React's own `encodeReply` — the function the browser bundle calls.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { request, type Dispatcher } from "undici";
import { PROJECT_ROOT } from "./local-env";

type ManifestEntry = { workers: Record<string, { moduleId?: string | number; exportedName?: string; filename?: string }>; exportedName?: string; filename?: string };
type Manifest = { node: Record<string, ManifestEntry> };

/** The id `next build` gave `exportName` of the "use server" module `file` (e.g. "app/(portal)/send/actions.ts"). */
export function serverActionId(file: string, exportName: string): string {
  const manifestFile = path.join(PROJECT_ROOT, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const wanted = file.replace(/\\/g, "/");
  for (const [id, entry] of Object.entries(manifest.node)) {
    const names = [entry.exportedName, ...Object.values(entry.workers).map((worker) => worker.exportedName)];
    const files = [entry.filename, ...Object.values(entry.workers).map((worker) => worker.filename)];
    if (names.includes(exportName) && files.some((name) => name?.replace(/\\/g, "/").endsWith(wanted))) return id;
  }
  throw new Error(`No server action ${file}#${exportName} in ${path.relative(PROJECT_ROOT, manifestFile)}: build the app first.`);
}

const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

export type ActionAnswer = {
  status: number;
  /** The RSC payload as text (holds the returned ActionState). */
  payload: string;
  /** Where a redirecting action sent the browser (`x-action-redirect`), if it did. */
  redirect: string | undefined;
};

/** POSTs the action to `pagePath` with `fields` as its FormData, as a logged-in browser with `cookie`. */
export async function callServerAction(
  input: { baseUrl: string; pagePath: string; actionId: string; cookie: string; fields: Record<string, string>; dispatcher: Dispatcher; signal: AbortSignal },
): Promise<ActionAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(input.fields)) form.set(name, value);
  const encoded = await encodeReply([{ ok: false }, form]);
  // A FormData reply goes as multipart, with the boundary the encoder chose.
  const wire = new Response(encoded);
  const response = await request(`${input.baseUrl}${input.pagePath}`, {
    method: "POST",
    dispatcher: input.dispatcher,
    signal: input.signal,
    headers: {
      cookie: input.cookie,
      accept: "text/x-component",
      "next-action": input.actionId,
      origin: input.baseUrl,
      "content-type": wire.headers.get("content-type") ?? "text/plain;charset=UTF-8",
    },
    body: Buffer.from(await wire.arrayBuffer()),
  });
  const payload = await response.body.text();
  const redirect = response.headers["x-action-redirect"];
  return { status: response.statusCode, payload, redirect: typeof redirect === "string" ? redirect : undefined };
}
