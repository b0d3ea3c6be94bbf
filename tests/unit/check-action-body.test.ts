/**
 * proxy.ts refuses a server action call whose body has no argument list at
 * its root (lib/actions/check-action-body.ts). Every body React's own
 * encodeReply — what the browser bundle calls — produces must pass; bodies
 * that decode to anything else must not. Over HTTP: tests/e2e/bad-input.spec.ts.
 */
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkActionBody } from "@/lib/actions/check-action-body";

const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

const LIMIT = 1024 * 1024;

/** An action call as the browser sends it: text as text/plain, FormData as multipart with the encoder's boundary. */
async function actionCall(body: string | FormData | Uint8Array<ArrayBuffer>, contentType?: string): Promise<Request> {
  const wire = new Response(body);
  const headers = { "next-action": "a".repeat(42), "content-type": contentType ?? wire.headers.get("content-type") ?? "text/plain;charset=UTF-8" };
  return new Request("http://portal.test/send", { method: "POST", headers, body: await wire.arrayBuffer() });
}

async function multipart(fields: Record<string, string | Blob>): Promise<Request> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return actionCall(form);
}

describe("checkActionBody", () => {
  it("accepts what React encodes for (previous state, FormData), the way every portal form calls its action", async () => {
    const form = new FormData();
    form.set("recipient", "0555 123 45 67");
    form.set("message", "hello");
    const encoded = await encodeReply([{ ok: false }, form]);
    expect(encoded).toBeInstanceOf(FormData);
    expect(await checkActionBody(await actionCall(encoded), LIMIT)).toBe("ok");
  });

  it("accepts every argument list React encodes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 5 }), async (args) => {
        expect(await checkActionBody(await actionCall(await encodeReply(args)), LIMIT)).toBe("ok");
      }),
      { numRuns: 60, seed: 20_261_129 },
    );
  });

  it.each([
    ["a string", '"hello"'],
    ["an object", "{}"],
    ["a number", "1"],
    ["null", "null"],
    ["nothing", ""],
    ["garbage", "not json at all"],
    ["a reference to another part", '"$1"'],
    ["more arguments than Next calls an action with", JSON.stringify(Array.from({ length: 1001 }, () => 0))],
  ])("refuses a text body with %s at its root", async (_label, body) => {
    expect(await checkActionBody(await actionCall(body, "text/plain;charset=UTF-8"), LIMIT)).toBe("not_a_list");
  });

  it("refuses a text body that is not UTF-8", async () => {
    expect(await checkActionBody(await actionCall(new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]), "text/plain;charset=UTF-8"), LIMIT)).toBe("not_a_list");
  });

  it("refuses any JSON that is not a list", async () => {
    const notAList = fc.jsonValue().filter((value) => !Array.isArray(value));
    await fc.assert(
      fc.asyncProperty(notAList, async (value) => {
        expect(await checkActionBody(await actionCall(JSON.stringify(value), "text/plain;charset=UTF-8"), LIMIT)).toBe("not_a_list");
      }),
      { numRuns: 60, seed: 20_261_129 },
    );
  });

  it.each<[string, Record<string, string | Blob>]>([
    ["a root that is a string", { "0": '"hello"', "1_name": "x" }],
    ["a root that is an object", { "0": "{}" }],
    ["no root field", { "1_name": "x", "2": "[]" }],
    ["a file as the root", { "0": new Blob(["[]"], { type: "application/json" }) }],
    ["a no-JS form's fields, sent as a fetch call", { "$ACTION_ID_abc": "", name: "x" }],
  ])("refuses a multipart body with %s", async (_label, fields) => {
    expect(await checkActionBody(await multipart(fields), LIMIT)).toBe("not_a_list");
  });

  it("refuses a multipart content type whose body is not multipart", async () => {
    expect(await checkActionBody(await actionCall("[]", "multipart/form-data; boundary=nothing-here"), LIMIT)).toBe("not_a_list");
  });

  it("says a body over the limit is too large, whatever its length header claims", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`["${"x".repeat(600)}`));
        controller.enqueue(new TextEncoder().encode(`${"x".repeat(600)}"]`));
        controller.close();
      },
    });
    const request = new Request("http://portal.test/send", { method: "POST", headers: { "next-action": "a".repeat(42) }, body: stream, duplex: "half" } as RequestInit);
    expect(await checkActionBody(request, 1000)).toBe("too_large");
  });

  it("leaves the body for Next to read", async () => {
    const request = await actionCall('["kept"]', "text/plain;charset=UTF-8");
    await checkActionBody(request, LIMIT);
    expect(await request.text()).toBe('["kept"]');
  });
});
