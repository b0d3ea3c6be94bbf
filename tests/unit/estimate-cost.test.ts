import { expect, it } from "vitest";
import { checkCredit, estimateCost } from "@/lib/sending/estimate-cost";

it("multiplies the unit price by the recipients without float error", () => {
  expect(estimateCost("0.012000", 1)).toBe("0.012000");
  expect(estimateCost("0.1", 3)).toBe("0.300000"); // 0.1 * 3 is 0.30000000000000004 in floats
  expect(estimateCost("0.012000", 100_000)).toBe("1200.000000");
  expect(estimateCost("0.000001", 999_999)).toBe("0.999999");
  expect(estimateCost("1.5", 0)).toBe("0.000000");
  expect(() => estimateCost("1", -1)).toThrow(RangeError);
  expect(() => estimateCost("1", 1.5)).toThrow(RangeError);
});

it("tells whether the credit covers the cost, and by how much it falls short", () => {
  expect(checkCredit("120.000000", "0.012000")).toEqual({ status: "enough", remainingAfter: "119.988000" });
  expect(checkCredit("0.3", estimateCost("0.1", 3))).toEqual({ status: "enough", remainingAfter: "0.000000" });
  expect(checkCredit("1.000000", "1.000001")).toEqual({ status: "short", shortBy: "0.000001" });
  expect(checkCredit(null, "5")).toEqual({ status: "unknown" });
});
