import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password";

describe("password policy", () => {
  it("refuses short, common, repeated and email-equal passwords", () => {
    expect(passwordProblem("short")).toMatch(/at least 10/);
    expect(passwordProblem("Password123")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaa")).toMatch(/repeat/);
    expect(passwordProblem("ayse@example.com", "Ayse@Example.com")).toMatch(/email/);
  });

  it("accepts a long uncommon passphrase", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
  });
});

describe("login error messages", () => {
  it("turn the codes authorize() throws into sentences that reveal nothing about the account", async () => {
    const { loginErrorMessage, rateLimitedLoginError, LOGIN_ERROR } = await import("@/lib/auth/login-errors");
    expect(loginErrorMessage(LOGIN_ERROR.invalid)).toBe("Email or password is wrong.");
    expect(loginErrorMessage("CredentialsSignin")).toBe("Email or password is wrong.");
    expect(loginErrorMessage(rateLimitedLoginError(61))).toBe("Too many attempts. Try again in 2 minutes.");
    expect(loginErrorMessage(rateLimitedLoginError(30))).toBe("Too many attempts. Try again in 1 minute.");
    expect(loginErrorMessage("Configuration")).toBe("We couldn't log you in just now. Please try again.");
  });
});
