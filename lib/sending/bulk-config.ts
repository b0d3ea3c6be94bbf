import "server-only";

export type BulkConfig = {
  /** Most numbers in one upstream bulk request (YAZSANA_BULK_MAX). */
  chunkSize: number;
  /** Largest accepted upload (BULK_UPLOAD_MAX_BYTES). */
  uploadMaxBytes: number;
  /** From this many recipients on, the user must type the count to confirm (BULK_CONFIRM_THRESHOLD). */
  confirmThreshold: number;
};

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${raw}").`);
  return value;
}

/** Read on each use, so tests and deployments see the current environment. */
export function readBulkConfig(): BulkConfig {
  return {
    chunkSize: positiveInteger("YAZSANA_BULK_MAX", 1_000),
    uploadMaxBytes: positiveInteger("BULK_UPLOAD_MAX_BYTES", 20 * 1024 * 1024),
    confirmThreshold: positiveInteger("BULK_CONFIRM_THRESHOLD", 1_000),
  };
}

/** Splits `items` into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("chunk size must be a positive integer");
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
