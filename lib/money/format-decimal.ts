import Decimal from "decimal.js";

/**
 * Shows a money decimal string exactly: at least two decimals, up to the six
 * Yazsana uses, never rounded through a float ("120.500000" → "120.50",
 * "0.012300" → "0.0123").
 */
export function formatDecimal(value: string, currency?: string): string {
  const decimal = new Decimal(value);
  const places = Math.max(2, Math.min(6, decimal.decimalPlaces()));
  const [whole = "0", fraction] = decimal.toFixed(places).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const amount = fraction ? `${grouped}.${fraction}` : grouped;
  return currency ? `${amount} ${currency}` : amount;
}
