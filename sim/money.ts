import Decimal from "decimal.js";

/**
 * All simulator money goes through this Decimal flavour: amounts are decimal
 * strings with six places on the wire, and binary floats would drift.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

export const MONEY_PLACES = 6;

export const money = (value: Decimal.Value): Money => new Money(value);

/** The wire form: "12.340000". */
export const formatMoney = (value: Money): string => value.toFixed(MONEY_PLACES);

/** unitPrice × count, as charged for `count` messages. */
export const costOf = (unitPrice: string, count: number): Money => money(unitPrice).times(count);
