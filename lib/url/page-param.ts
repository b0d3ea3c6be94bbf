import { z } from "zod";

/** `?page=` as a 1-based integer; anything invalid falls back to 1 instead of failing the page. */
export const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);
