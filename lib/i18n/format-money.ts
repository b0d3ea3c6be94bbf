import Decimal from "decimal.js";
import type { Locale } from "./locales";

// Apart from ./format.ts so that client code which only counts or dates things never downloads decimal.js.

const SEPARATORS = new Map<Locale, { group: string; decimal: string }>();

function separators(locale: Locale): { group: string; decimal: string } {
  let found = SEPARATORS.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(11111.1);
    found = {
      group: parts.find((part) => part.type === "group")?.value ?? ",",
      decimal: parts.find((part) => part.type === "decimal")?.value ?? ".",
    };
    SEPARATORS.set(locale, found);
  }
  return found;
}

/**
 * A money decimal string shown exactly, with the locale's separators:
 * "1200.5" → "1.200,50" (tr) / "1,200.50" (en). At least two decimals, up to
 * the six Yazsana uses; the digits come from decimal.js, never from a float.
 */
export function formatMoney(value: string, { locale, currency }: { locale: Locale; currency?: string }): string {
  const decimal = new Decimal(value);
  const places = Math.max(2, Math.min(6, decimal.decimalPlaces()));
  const fixed = decimal.toFixed(places);
  const negative = fixed.startsWith("-");
  const [whole = "0", fraction] = (negative ? fixed.slice(1) : fixed).split(".");
  const { group, decimal: point } = separators(locale);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const amount = `${negative ? "-" : ""}${fraction ? `${grouped}${point}${fraction}` : grouped}`;
  return currency ? `${amount} ${currency}` : amount;
}
