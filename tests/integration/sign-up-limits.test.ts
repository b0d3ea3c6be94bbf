import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signUpAccount } from "@/lib/auth/sign-up";

// Small limits for this file only: rules are read when the limiters are
// created, on the first attempt below.
process.env.SIGNUP_LIMIT_PER_IP_PER_HOUR = "2";
process.env.SIGNUP_LIMIT_PER_HOUR = "4";

let counter = 0;
const account = () => ({
  name: "Elif",
  email: `signup${++counter}-${Date.now()}@example.com`,
  password: "correct horse battery",
  workspaceName: "Acme",
});

describe("sign-up limits", () => {
  it("limits sign-ups per client address, then for the whole site", async () => {
    expect(await signUpAccount(account(), "203.0.113.1")).toMatchObject({ ok: true });
    expect(await signUpAccount(account(), "203.0.113.1")).toMatchObject({ ok: true });
    const refused = account();
    expect(await signUpAccount(refused, "203.0.113.1")).toEqual({
      ok: false,
      message: expect.stringMatching(/^Too many sign-ups from your network\. Try again in \d+ minutes?\.$/),
    });
    expect(await db.user.count({ where: { email: refused.email } })).toBe(0);

    // Another address still gets in, until the site-wide limit (4 an hour here).
    expect(await signUpAccount(account(), "198.51.100.7")).toMatchObject({ ok: true });
    expect(await signUpAccount(account(), undefined)).toMatchObject({ ok: true });
    expect(await signUpAccount(account(), "192.0.2.55")).toEqual({
      ok: false,
      message: expect.stringMatching(/^We are receiving too many sign-ups right now\. Try again in \d+ minutes?\.$/),
    });
    expect(await db.user.count()).toBe(4);
  });

  it("a refused password costs no sign-up attempt", async () => {
    expect(await signUpAccount({ ...account(), password: "password123" }, "203.0.113.200")).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.any(String)] },
    });
  });
});
