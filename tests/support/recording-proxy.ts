import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; query: Record<string, string> };

export type RecordingProxy = {
  url: string;
  /** Every request passed on, oldest first. */
  requests: RecordedRequest[];
  /** Rewrites JSON answers (e.g. to add a field Yazsana might add later); null = pass through. */
  transform: ((path: string, body: unknown) => unknown) | null;
  /** Awaited before an answer is passed back (e.g. to hold one until another request arrived); null = answer at once. */
  hold: ((path: string) => Promise<void>) | null;
  close(): Promise<void>;
};

/**
 * Sits between the portal's client and the simulator and writes down what
 * the portal actually sent over HTTP, so tests can assert the URL → upstream
 * mapping on the wire rather than on our own objects.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const proxy: RecordingProxy = { url: "", requests: [], transform: null, hold: null, close: async () => {} };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const url = new URL(request.url ?? "/", "http://proxy.invalid");
      proxy.requests.push({ method: request.method ?? "GET", path: url.pathname, query: Object.fromEntries(url.searchParams) });
      const headers: Record<string, string> = {};
      for (const name of ["x-api-key", "x-org-id", "content-type"]) {
        const value = request.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      try {
        const upstream = await fetch(`${target}${url.pathname}${url.search}`, {
          method: request.method,
          headers,
          ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
        });
        let text = await upstream.text();
        if (proxy.transform && upstream.ok && text) text = JSON.stringify(proxy.transform(url.pathname, JSON.parse(text)));
        await proxy.hold?.(url.pathname);
        response.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
        response.end(text);
      } catch {
        response.writeHead(502).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise((resolve) => server.close(() => resolve()));
  return proxy;
}
