import { expect, it } from "vitest";
import { formatDecimal } from "@/lib/money/format-decimal";

it("shows money exactly, with two to six decimals and grouped thousands", () => {
  expect(formatDecimal("120.000000")).toBe("120.00");
  expect(formatDecimal("0.012300", "USD")).toBe("0.0123 USD");
  expect(formatDecimal("1234567.100000")).toBe("1,234,567.10");
  expect(formatDecimal("0.1000005")).toBe("0.100001");
  expect(formatDecimal("-5")).toBe("-5.00");
});
