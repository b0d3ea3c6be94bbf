import { formatMoney } from "@/lib/i18n/format-money";

/**
 * Shows a money decimal string exactly in English: at least two decimals, up
 * to the six Yazsana uses, never rounded through a float ("120.500000" →
 * "120.50", "0.012300" → "0.0123"). Pages use formatMoney with the reader's locale.
 */
export function formatDecimal(value: string, currency?: string): string {
  return formatMoney(value, { locale: "en", ...(currency !== undefined && { currency }) });
}
