/**
 * The old-space cap `next start` runs with (here and in `npm start`, which
 * writes the same number in package.json). Left to itself V8 sizes the heap by
 * the machine's memory: on the 24 GiB build machine the server grew to 800+ MB
 * of RSS over 4,000 /reports requests while its live data stayed small — with
 * a 160 MB cap it served the same requests at ~240 MB, same CPU. 256 MB leaves
 * room for concurrent bulk reviews (~30 MB each at 100,000 lines). A
 * --max-old-space-size in the caller's NODE_OPTIONS comes later and wins.
 */
export const SERVER_HEAP_MB = 256;

export function withServerHeap(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: `--max-old-space-size=${SERVER_HEAP_MB} ${env.NODE_OPTIONS ?? ""}`.trim() };
}
