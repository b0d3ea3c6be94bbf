import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { budgetUsedPercent, checkSpend, needsApproval, spendAllowance, spendExcess } from "@/lib/spending/spend-math";
import { monthBounds, monthIn, spendPeriods } from "@/lib/spending/spend-periods";

describe("budget arithmetic", () => {
  it("is decimal-exact: 0.1 + 0.2 of 0.3 leaves exactly nothing, and the last millionth still fits", () => {
    const limits = { monthlyBudget: "0.3", dailyCap: null };
    expect(spendAllowance(limits, { monthCost: "0.1", dayMessages: 0 }).budgetLeft).toBe("0.200000");
    expect(checkSpend(limits, { monthCost: "0.1", dayMessages: 0 }, { cost: "0.2", messages: 1 })).toMatchObject({ ok: true });
    expect(checkSpend({ monthlyBudget: "10", dailyCap: null }, { monthCost: "9.999999", dayMessages: 0 }, { cost: "0.000001", messages: 1 }).ok).toBe(true);
    expect(checkSpend({ monthlyBudget: "10", dailyCap: null }, { monthCost: "9.999999", dayMessages: 0 }, { cost: "0.000002", messages: 1 })).toEqual({
      ok: false,
      reason: "budget",
      budgetLeft: "0.000001",
      monthlyBudget: "10.000000",
    });
  });

  it("spends a budget to exactly zero in a thousand 0.012 steps, then refuses", () => {
    let used = "0";
    for (let index = 0; index < 1000; index += 1) {
      const check = checkSpend({ monthlyBudget: "12", dailyCap: null }, { monthCost: used, dayMessages: 0 }, { cost: "0.012", messages: 1 });
      expect(check.ok).toBe(true);
      used = new Decimal(used).plus("0.012").toString();
    }
    expect(used).toBe("12");
    expect(checkSpend({ monthlyBudget: "12", dailyCap: null }, { monthCost: used, dayMessages: 0 }, { cost: "0.012", messages: 1 }).ok).toBe(false);
  });

  it("checks the daily cap first, counts messages, and never reports less than zero left", () => {
    const limits = { monthlyBudget: "1", dailyCap: 2 };
    expect(checkSpend(limits, { monthCost: "5", dayMessages: 2 }, { cost: "0.01", messages: 1 })).toEqual({ ok: false, reason: "cap", capLeft: 0, dailyCap: 2 });
    expect(spendAllowance(limits, { monthCost: "5", dayMessages: 3 })).toEqual({ budgetLeft: "0.000000", capLeft: 0 });
    expect(checkSpend(limits, { monthCost: "0", dayMessages: 1 }, { cost: "0.01", messages: 2 })).toMatchObject({ ok: false, reason: "cap", capLeft: 1 });
    expect(checkSpend({ monthlyBudget: null, dailyCap: null }, { monthCost: "1000000", dayMessages: 10_000 }, { cost: "5", messages: 500 }).ok).toBe(true);
  });

  it("measures how far a send goes beyond each limit, decimal-exact, and nothing when it fits", () => {
    const limits = { monthlyBudget: "0.3", dailyCap: 2 };
    expect(spendExcess(limits, { monthCost: "0.1", dayMessages: 2 }, { cost: "0.3", messages: 3 })).toEqual({ overCapBy: 3, overBudgetBy: "0.100000" });
    expect(spendExcess(limits, { monthCost: "0.1", dayMessages: 0 }, { cost: "0.2", messages: 2 })).toEqual({ overCapBy: null, overBudgetBy: null });
    expect(spendExcess(limits, { monthCost: "0.299999", dayMessages: 5 }, { cost: "0.000002", messages: 1 })).toEqual({ overCapBy: 1, overBudgetBy: "0.000001" });
    expect(spendExcess({ monthlyBudget: null, dailyCap: null }, { monthCost: "99", dayMessages: 99 }, { cost: "1", messages: 1 })).toEqual({ overCapBy: null, overBudgetBy: null });
  });

  it("asks for approval strictly above either threshold", () => {
    const rule = { aboveRecipients: 2, aboveCost: "0.05" };
    expect(needsApproval(rule, { recipients: 2, cost: "0.05" })).toBe(false);
    expect(needsApproval(rule, { recipients: 3, cost: "0.01" })).toBe(true);
    expect(needsApproval(rule, { recipients: 1, cost: "0.050001" })).toBe(true);
    expect(needsApproval({ aboveRecipients: null, aboveCost: null }, { recipients: 1_000_000, cost: "99999" })).toBe(false);
  });

  it("rounds the budget bar down and caps it at 100", () => {
    expect(budgetUsedPercent("0.999", "1")).toBe(99);
    expect(budgetUsedPercent("3", "2")).toBe(100);
    expect(budgetUsedPercent("1", null)).toBeNull();
  });
});

describe("days and months in the workspace's time zone", () => {
  it("starts Istanbul's day at 21:00 UTC the evening before", () => {
    // 23:30 UTC on 30 Nov is 02:30 on 1 Dec in Istanbul (UTC+3): already December there.
    const periods = spendPeriods(new Date("2026-11-30T23:30:00Z"), "Europe/Istanbul");
    expect(periods.dayStart.toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(periods.dayEnd.toISOString()).toBe("2026-12-01T21:00:00.000Z");
    expect(periods.monthStart.toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(periods.monthEnd.toISOString()).toBe("2026-12-31T21:00:00.000Z");
    expect(monthIn("Europe/Istanbul", new Date("2026-11-30T23:30:00Z"))).toBe("2026-12");
    expect(monthIn("UTC", new Date("2026-11-30T23:30:00Z"))).toBe("2026-11");
  });

  it("keeps 20:59 UTC in the Istanbul day that is ending", () => {
    const periods = spendPeriods(new Date("2026-11-30T20:59:59Z"), "Europe/Istanbul");
    expect(periods.dayStart.toISOString()).toBe("2026-11-29T21:00:00.000Z");
    expect(periods.monthStart.toISOString()).toBe("2026-10-31T21:00:00.000Z");
  });

  it("follows daylight saving time: New York's spring-forward day is 23 hours long", () => {
    const periods = spendPeriods(new Date("2026-03-08T12:00:00Z"), "America/New_York");
    expect(periods.dayStart.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(periods.dayEnd.toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });

  it("turns a YYYY-MM month into its local bounds", () => {
    expect(monthBounds("2026-02", "Europe/Istanbul")).toEqual({ start: new Date("2026-01-31T21:00:00Z"), end: new Date("2026-02-28T21:00:00Z") });
    expect(monthBounds("2026-12", "Asia/Tokyo").end.toISOString()).toBe("2026-12-31T15:00:00.000Z");
  });
});
