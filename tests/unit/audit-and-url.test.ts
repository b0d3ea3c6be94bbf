import { describe, expect, it } from "vitest";
import { describeAuditEvent as describeIn } from "@/lib/audit/list-audit-events";
import { translatorFor } from "@/lib/i18n/translator";
import { pageParam } from "@/lib/url/page-param";

describe("page parameter", () => {
  it("accepts positive integers and falls back to 1 for anything else", () => {
    expect(pageParam.parse("3")).toBe(3);
    for (const bad of [undefined, "", "0", "-2", "1.5", "abc", "99999999"]) expect(pageParam.parse(bad)).toBe(1);
  });
});

const describeAuditEvent = (event: Parameters<typeof describeIn>[0]) => describeIn(event, translatorFor("en", "audit"));

describe("audit event descriptions", () => {
  it("names the action and only the safe metadata", () => {
    expect(describeAuditEvent({ action: "api_key.set", metadata: { last4: "AbCd" } })).toBe("Saved the API key (ending in AbCd)");
    expect(describeAuditEvent({ action: "api_key.rewrapped", metadata: { from: "v1", to: "v2" } })).toBe(
      "Re-encrypted the API key under a new master key (v1 → v2)",
    );
    expect(describeAuditEvent({ action: "something.new", metadata: null })).toBe("something.new");
    const turkish = describeIn({ action: "api_key.set", metadata: { last4: "AbCd" } }, translatorFor("tr", "audit"));
    expect(turkish).toContain("AbCd");
    expect(turkish).not.toBe(describeAuditEvent({ action: "api_key.set", metadata: { last4: "AbCd" } }));
  });
});
