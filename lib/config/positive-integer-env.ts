/** A positive whole number from the environment, or the default; anything else fails loudly. */
export function positiveIntegerFromEnv(name: string, fallback: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1 (got "${raw}").`);
  }
  return value;
}
