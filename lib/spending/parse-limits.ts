import Decimal from "decimal.js";

/** A limit typed in a form: empty = no limit. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false };

const AMOUNT = /^\d{1,14}(?:[.,]\d{1,6})?$/;
const COUNT = /^\d{1,9}$/;

/** "250", "99.50" or "99,50" (Turkish keyboards) → a decimal string with six places; up to six decimals, never negative. */
export function parseAmount(raw: string | undefined): Parsed<string> {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: true, value: null };
  if (!AMOUNT.test(text)) return { ok: false };
  return { ok: true, value: new Decimal(text.replace(",", ".")).toFixed(6) };
}

/** A whole, non-negative number of messages or recipients. */
export function parseCount(raw: string | undefined): Parsed<number> {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: true, value: null };
  if (!COUNT.test(text)) return { ok: false };
  return { ok: true, value: Number(text) };
}

/** How a limit reads in the audit log: the plain number, or "—" for no limit. */
export function auditValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "number" ? String(value) : new Decimal(value).toString();
}

/** A stored limit as a form shows it: "250" rather than "250.000000", empty for no limit. */
export function formValue(value: string | number | null): string {
  if (value === null) return "";
  return typeof value === "number" ? String(value) : new Decimal(value).toString();
}
