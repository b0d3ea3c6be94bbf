import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/i18n/format";
import { wallTimeToUtc } from "@/lib/i18n/wall-time";

describe("wallTimeToUtc: a picked date and time, read in the user's zone", () => {
  it("reads the same wall time as different instants in different zones", () => {
    expect(wallTimeToUtc("2026-11-30T09:00", "Europe/Istanbul")?.toISOString()).toBe("2026-11-30T06:00:00.000Z");
    expect(wallTimeToUtc("2026-11-30T09:00", "UTC")?.toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(wallTimeToUtc("2026-11-30T09:00", "America/New_York")?.toISOString()).toBe("2026-11-30T14:00:00.000Z");
    // Summer time in New York: four hours behind UTC, not five.
    expect(wallTimeToUtc("2026-07-01T09:00:30", "America/New_York")?.toISOString()).toBe("2026-07-01T13:00:30.000Z");
  });

  it("round-trips with formatDateTime in the same zone", () => {
    for (const timeZone of ["Europe/Istanbul", "Asia/Kolkata", "America/Los_Angeles", "Pacific/Chatham"]) {
      const instant = wallTimeToUtc("2026-12-24T18:45", timeZone)!;
      expect(formatDateTime(instant, { locale: "en", timeZone })).toBe("24 Dec 2026, 18:45");
    }
  });

  it("gives null for anything that is not a datetime-local value", () => {
    for (const value of ["", "tomorrow", "2026-11-30", "2026-11-30 09:00", "2026-11-30T9:00", "2026-11-30T09:00Z", "2026-11-30T09:00:00.000"]) {
      expect(wallTimeToUtc(value, "Europe/Istanbul"), value).toBeNull();
    }
  });
});
