import Decimal from "decimal.js";

/** Six places, like every amount Yazsana sends. */
const MONEY_PLACES = 6;

/**
 * Unit price × recipients, decimal-exact. Yazsana charges the service's final
 * unit price per valid recipient (not per SMS part), so that is the estimate.
 */
export function estimateCost(unitPrice: string, recipients: number): string {
  if (!Number.isInteger(recipients) || recipients < 0) throw new RangeError("recipients must be a non-negative integer");
  return new Decimal(unitPrice).times(recipients).toFixed(MONEY_PLACES);
}

export type CreditCheck =
  | { status: "unknown" }
  | { status: "enough"; remainingAfter: string }
  | { status: "short"; shortBy: string };

/** Whether a known credit covers a cost; `null` credit = Yazsana doesn't tell us (personal credit). */
export function checkCredit(credit: string | null, cost: string): CreditCheck {
  if (credit === null) return { status: "unknown" };
  const left = new Decimal(credit).minus(cost);
  return left.isNegative()
    ? { status: "short", shortBy: left.negated().toFixed(MONEY_PLACES) }
    : { status: "enough", remainingAfter: left.toFixed(MONEY_PLACES) };
}
