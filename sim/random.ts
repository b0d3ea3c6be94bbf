/**
 * Deterministic randomness. A message's outcome depends only on (seed, the
 * sending's sequence number, the message's index), never on when the timer
 * fired or what else was in flight, so a run is reproducible for a seed even
 * with the automatic timer on.
 */

/** mulberry32: a tiny, well-distributed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's finalizer: spreads nearby inputs (index 1, 2, 3…) far apart. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A uniform number in [0, 1) fixed by the three coordinates. */
export function draw(seed: number, sendingSeq: number, messageIndex: number): number {
  return mulberry32(mix32(mix32(mix32(seed) ^ sendingSeq) ^ messageIndex))();
}
