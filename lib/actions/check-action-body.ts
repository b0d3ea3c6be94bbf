/**
 * What proxy.ts checks of a server action call (a POST with `Next-Action`)
 * before Next decodes it. React's reply encoding (encodeReply / decodeReply)
 * always carries the action's argument list at its root: the whole body as a
 * JSON array when it is text, or the form field "0" holding one when it is
 * multipart. Next 16 spreads whatever the root decodes to into the action
 * (`action.apply(null, args)`), so a root that is not a list — '"hello"',
 * '{}', garbage, a multipart body without "0" — throws inside Next before our
 * action wrapper runs, and answers 500. Such a call is refused here instead.
 *
 * Forms posted without JavaScript carry no `Next-Action` header (their fields
 * name the action: `$ACTION_ID_…`, `$ACTION_REF_…`): Next calls those with no
 * arguments, and they never reach this check.
 */

/** Next's own cap on `action.apply` arguments (action-handler.js, SERVER_ACTION_ARGS_LIMIT). */
const MAX_ACTION_ARGUMENTS = 1000;

export type ActionBodyCheck = "ok" | "too_large" | "not_a_list";

/** Next's test for a multipart action (server-action-request-meta.js): case-sensitive, as there. */
const isMultipart = (contentType: string) => contentType.startsWith("multipart/form-data");
/** Next answers these itself (404 for a fetch action) without decoding them. */
const isUrlEncoded = (contentType: string) => contentType === "application/x-www-form-urlencoded";

/** The body's bytes, or null as soon as it passes `limitBytes` (a chunked body declares no length). */
async function readBounded(body: ReadableStream<Uint8Array> | null, limitBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function isArgumentList(json: unknown): boolean {
  if (typeof json !== "string") return false;
  try {
    const root: unknown = JSON.parse(json);
    return Array.isArray(root) && root.length <= MAX_ACTION_ARGUMENTS;
  } catch {
    return false;
  }
}

/** The root of a multipart reply: the text field "0" (a file there is no root React reads), or null for a body that is not multipart at all. */
async function multipartRoot(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<unknown> {
  try {
    const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
    return form.get("0");
  } catch {
    return null;
  }
}

/** Reads a clone of the call's body (the original still reaches Next) and says whether Next can call the action with it. */
export async function checkActionBody(request: Request, limitBytes: number): Promise<ActionBodyCheck> {
  const contentType = request.headers.get("content-type") ?? "";
  if (isUrlEncoded(contentType)) return "ok";
  const bytes = await readBounded(request.clone().body, limitBytes);
  if (bytes === null) return "too_large";
  // Next reads a text body as UTF-8, replacing what isn't (Buffer#toString), as TextDecoder does.
  const root = isMultipart(contentType) ? await multipartRoot(bytes, contentType) : new TextDecoder().decode(bytes);
  return isArgumentList(root) ? "ok" : "not_a_list";
}
