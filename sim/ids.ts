import { createHash, randomUUID } from "node:crypto";

export const newId = (): string => randomUUID();

/**
 * A stable uuid derived from a name, so seeded history keeps the same message
 * ids across resets and restarts (reports and tests can link to them).
 */
export function stableId(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
