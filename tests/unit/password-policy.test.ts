import { describe, expect, it } from "vitest";
import { passwordProblem as problemOf } from "@/lib/auth/password";
import { translatorFor } from "@/lib/i18n/translator";

const validation = translatorFor("en", "validation");
const passwordProblem = (password: string, email?: string) => {
  const problem = problemOf(password, email);
  return problem && validation(problem.key, problem.values);
};

describe("password policy", () => {
  it("refuses short, common, repeated and email-equal passwords", () => {
    expect(passwordProblem("short")).toMatch(/at least 10/);
    expect(passwordProblem("Password123")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaa")).toMatch(/repeat/);
    expect(passwordProblem("ayse@example.com", "Ayse@Example.com")).toMatch(/email/);
  });

  it("accepts long uncommon passwords and passphrases", () => {
    for (const password of ["correct horse battery staple", "a long test passphrase", "Kj8#mP2$vL9q", "Ihlamur çiçeği 1987 mavi", "4815162342108-tavşan"]) {
      expect(passwordProblem(password, "ayse.yilmaz@example.com")).toBeNull();
    }
  });

  it("refuses passwords from a real breach list, also stretched with digits, symbols and look-alikes", () => {
    // None of these was on the old hand-kept list of ~70.
    for (const password of ["starwars2024", "liverpool123", "charlie12345", "P@ssw0rd2024!", "!!Michelle1990", "Dr@gon2025", "iloveyou2026!"]) {
      expect(passwordProblem(password), password).toBe("This password is too common. Choose another.");
    }
  });

  it("refuses the site's name, the email's name and short digit-only passwords", () => {
    expect(passwordProblem("Yazsana2026!")).toMatch(/too common/);
    expect(passwordProblem("ayse.yilmaz99", "ayse.yilmaz@example.com")).toMatch(/too common/);
    expect(passwordProblem("Yilmaz123456", "ayse.yilmaz@example.com")).toMatch(/too common/);
    expect(passwordProblem("0123456789")).toMatch(/digits only/);
    expect(passwordProblem("9876543210123")).toMatch(/digits only/);
    expect(passwordProblem("4029384756102938")).toBeNull();
  });
});

describe("login error messages", () => {
  it("turn the codes authorize() throws into sentences that reveal nothing about the account", async () => {
    const { loginErrorMessage: messageIn, rateLimitedLoginError, LOGIN_ERROR } = await import("@/lib/auth/login-errors");
    const loginErrorMessage = (code: string) => messageIn(code, translatorFor("en", "auth"));
    expect(loginErrorMessage(LOGIN_ERROR.invalid)).toBe("Email or password is wrong.");
    expect(loginErrorMessage("CredentialsSignin")).toBe("Email or password is wrong.");
    expect(loginErrorMessage(rateLimitedLoginError(61))).toBe("Too many attempts. Try again in 2 minutes.");
    expect(loginErrorMessage(rateLimitedLoginError(30))).toBe("Too many attempts. Try again in 1 minute.");
    expect(loginErrorMessage("Configuration")).toBe("We couldn't log you in just now. Please try again.");
  });
});
