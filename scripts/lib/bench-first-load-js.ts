import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { request, type Dispatcher } from "undici";
import { BenchFailure } from "./bench-load";

export type FirstLoadJs = { page: string; scripts: number; gzipBytes: number };

/**
 * The JavaScript a browser loads to show a page: every script the server
 * rendered HTML names (`<script src="/_next/static/…">`), read from the build
 * output and gzipped at level 9 each, as a CDN would serve them. Inline
 * scripts (the RSC payload) are data, not code, and are left out, and so are
 * `noModule` scripts (Next's legacy polyfills, ~39 kB): a browser that runs
 * modules — every browser the portal supports — never downloads them. Next's
 * own "First Load JS" figure leaves them out the same way.
 */
export async function measureFirstLoadJs(
  pages: Array<{ page: string; url: string; headers?: Record<string, string>; buildDir: string }>,
  dispatcher: Dispatcher,
): Promise<FirstLoadJs[]> {
  const results: FirstLoadJs[] = [];
  for (const { page, url, headers, buildDir } of pages) {
    const response = await request(url, { headers, dispatcher });
    const html = await response.body.text();
    if (response.statusCode !== 200) throw new BenchFailure(`First-load JS: GET ${url} answered ${response.statusCode}.`);
    const sources = new Set(
      [...html.matchAll(/<script[^>]*>/g)]
        .map(([tag]) => tag)
        .filter((tag) => !/\snoModule(=|\s|>)/i.test(tag))
        .flatMap((tag) => /\ssrc="(\/_next\/static\/[^"?]+\.js)[^"]*"/.exec(tag)?.[1] ?? []),
    );
    let gzipBytes = 0;
    for (const source of sources) {
      const file = path.join(buildDir, "static", source.slice("/_next/static/".length));
      if (!existsSync(file)) throw new BenchFailure(`First-load JS: ${page} names ${source}, which the build output does not hold.`);
      gzipBytes += gzipSync(readFileSync(file), { level: 9 }).length;
    }
    results.push({ page, scripts: sources.size, gzipBytes });
  }
  return results;
}
