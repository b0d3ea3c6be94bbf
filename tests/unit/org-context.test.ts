import { expect, it } from "vitest";
import { effectiveOrgContext, orgContextOptions } from "@/lib/workspaces/org-context";
import { roleCan } from "@/lib/workspaces/roles";

const organizations = [
  { id: "org-active", name: "Anadolu Kargo", state: true, memberCredit: "10.000000", permissions: [] },
  { id: "org-disabled", name: "Eski Şube", state: false, memberCredit: "0.000000", permissions: [] },
];

it("offers personal credit first and greys out disabled organizations", () => {
  expect(orgContextOptions(organizations, { personal: "Personal credit", disabled: (name) => `${name} (disabled)` })).toEqual([
    { organizationId: null, label: "Personal credit", disabled: false },
    { organizationId: "org-active", label: "Anadolu Kargo", disabled: false },
    { organizationId: "org-disabled", label: "Eski Şube (disabled)", disabled: true },
  ]);
});

it("falls back to personal credit when the saved organization is gone or disabled", () => {
  expect(effectiveOrgContext("org-active", organizations)).toBe("org-active");
  expect(effectiveOrgContext("org-disabled", organizations)).toBeNull();
  expect(effectiveOrgContext("org-removed", organizations)).toBeNull();
  expect(effectiveOrgContext(null, organizations)).toBeNull();
});

it("gives each role only its permissions", () => {
  expect(roleCan("owner", "workspace.delete")).toBe(true);
  expect(roleCan("admin", "workspace.delete")).toBe(false);
  expect(roleCan("admin", "api_key.manage")).toBe(true);
  expect(roleCan("sender", "api_key.manage")).toBe(false);
  expect(roleCan("sender", "sms.send")).toBe(true);
  expect(roleCan("viewer", "sms.send")).toBe(false);
  expect(roleCan("viewer", "sms.read")).toBe(true);
});
