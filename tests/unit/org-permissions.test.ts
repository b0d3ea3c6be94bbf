import { describe, expect, it } from "vitest";
import { contextAccess } from "@/lib/workspaces/org-permissions";

const organization = (id: string, permissions: string[]) => ({
  id,
  name: `Org ${id}`,
  state: true,
  memberCredit: "10.000000",
  permissions,
});

describe("contextAccess", () => {
  it("allows personal credit without any organization permission", () => {
    const view = { status: "ok" as const, organizations: [organization("a", [])], currentOrganizationId: null };
    expect(contextAccess(view, "organization.sms.send")).toEqual({ allowed: true, organization: null });
  });

  it("refuses an organization context that lacks the permission", () => {
    const view = { status: "ok" as const, organizations: [organization("a", ["organization.sms.read"])], currentOrganizationId: "a" };
    expect(contextAccess(view, "organization.sms.send")).toMatchObject({ allowed: false, reason: "missing_permission" });
    expect(contextAccess(view, "organization.sms.read")).toMatchObject({ allowed: true, organization: { id: "a" } });
  });

  it("refuses when there is no key or the organizations cannot be loaded", () => {
    expect(contextAccess({ status: "no_key" }, "organization.sms.read")).toMatchObject({ allowed: false, reason: "no_key" });
    expect(contextAccess({ status: "error", message: "down" }, "organization.sms.read")).toMatchObject({ allowed: false, reason: "unavailable" });
  });
});
