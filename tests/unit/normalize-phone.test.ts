import { describe, expect, it } from "vitest";
import { normalizePhone, normalizeWithLibphonenumber, type PhoneProblem } from "@/lib/sending/normalize-phone";

describe("normalizePhone", () => {
  it.each([
    "0555 123 45 67",
    "+90 555 123 4567",
    "5551234567",
    "905551234567",
    "0 (555) 123-45-67",
    "00905551234567",
    "+905551234567",
    "0555.123.45.67",
    "  0555 123 45 67\t",
    "0555\u00a0123\u00a045\u00a067", // no-break spaces from a pasted spreadsheet
    "٠٥٥٥١٢٣٤٥٦٧", // Arabic-Indic digits
    "０５５５１２３４５６７", // full-width digits
  ])("accepts %j as 905551234567", (typed) => {
    expect(normalizePhone(typed)).toEqual({ ok: true, number: "905551234567" });
  });

  it.each([
    ["0532 111 22 33", "905321112233"],
    ["0505 000 00 01", "905050000001"],
    ["+90 (544) 999 88 77", "905449998877"],
  ])("normalises other operators' ranges: %j → %s", (typed, number) => {
    expect(normalizePhone(typed)).toEqual({ ok: true, number });
  });

  it.each<[string, PhoneProblem]>([
    ["", "empty"],
    ["   ", "empty"],
    ["0212 123 45 67", "landline"],
    ["+90 312 123 45 67", "landline"],
    ["0850 123 45 67", "service_number"],
    ["0800 123 45 67", "service_number"],
    ["444 1 234", "service_number"],
    ["+44 7911 123456", "foreign"],
    ["+1 202 555 0143", "foreign"],
    ["0049 151 23456789", "foreign"],
    ["abc", "letters"],
    ["0555 123 45 6x", "letters"],
    ["0555 123 45 67 ext. 5", "letters"],
    ["0555#1234567", "characters"],
    ["0555_123_45_67", "characters"],
    ["0555 123 45", "invalid"],
    ["0555 123 45 67 89", "invalid"],
    ["12", "invalid"],
    ["+", "invalid"],
  ])("refuses %j: %s", (typed, problem) => {
    const result = normalizePhone(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.reason.length).toBeGreaterThan(10);
    }
  });
});

describe("the precompiled fast path", () => {
  it("agrees with libphonenumber on every 5xx prefix in every written form", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let prefix = 500; prefix <= 599; prefix++) {
      for (let sample = 0; sample < 5; sample++) {
        const rest = String(next() % 10_000_000).padStart(7, "0");
        const national = `${prefix}${rest}`;
        for (const typed of [`0${national}`, `+90 ${prefix} ${rest.slice(0, 3)} ${rest.slice(3)}`, `90${national}`, `0090${national}`, national, `0 (${prefix}) ${rest.slice(0, 3)}-${rest.slice(3, 5)}-${rest.slice(5)}`]) {
          expect(normalizePhone(typed)).toEqual(normalizeWithLibphonenumber(typed));
        }
      }
    }
    // Special 561/582 ranges with their own lengths and patterns.
    for (const typed of ["05610110000", "05616100000", "05822000000", "05826000000"]) expect(normalizePhone(typed)).toEqual(normalizeWithLibphonenumber(typed));
  }, 60_000);
});
