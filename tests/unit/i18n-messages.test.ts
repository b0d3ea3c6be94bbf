import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loginErrorMessage, rateLimitedLoginError } from "@/lib/auth/login-errors";
import { personName, signUpInput } from "@/lib/auth/schemas";
import { getServerLocale, getServerTranslations } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
import { translateIssue, validationKeyFor } from "@/lib/i18n/validation";
import { tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import { describeYazsanaError } from "@/lib/yazsana/describe-error";
import { YazsanaError } from "@/lib/yazsana/errors";

const shown = (schema: z.ZodType, value: unknown, locale: "en" | "tr") => {
  const parsed = schema.safeParse(value, { error: validationKeyFor });
  return parsed.success ? [] : parsed.error.issues.map((issue) => translateIssue(issue, translatorFor(locale, "validation")));
};

describe("field errors", () => {
  it("are catalog keys in the schemas, shown in the reader's language with the limits filled in", () => {
    expect(shown(personName, "", "en")).toEqual(["Enter your name."]);
    expect(shown(personName, "x".repeat(101), "en")).toEqual(["Use at most 100 characters."]);
    const turkish = shown(personName, "x".repeat(101), "tr");
    expect(turkish).toEqual([translatorFor("tr", "validation")("tooLong", { maximum: 100 })]);
    expect(turkish[0]).toContain("100");
    expect(turkish[0]).not.toBe("Use at most 100 characters.");
  });

  it("give issues without a message of their own a translated generic one, and keep a schema's own words", () => {
    expect(shown(z.object({ code: z.string().min(3) }), {}, "en")).toEqual(["Fill in this field."]);
    expect(shown(z.string().min(3), "ab", "en")).toEqual(["Enter at least 3 characters."]);
    expect(shown(z.string().min(3, "Too short."), "ab", "tr")).toEqual(["Too short."]);
    const signUp = shown(signUpInput, { name: "A", email: "nope", password: "", workspaceName: "Y" }, "tr");
    expect(signUp).toHaveLength(3);
    for (const message of signUp) expect(message).not.toMatch(/^[a-z][A-Za-z]+$/); // never a raw key
  });
});

describe("sentences with numbers", () => {
  it("use each language's plural and relative-time rules", () => {
    expect(loginErrorMessage(rateLimitedLoginError(61), translatorFor("en", "auth"))).toBe("Too many attempts. Try again in 2 minutes.");
    expect(loginErrorMessage(rateLimitedLoginError(61), translatorFor("tr", "auth"))).toContain("2");
    const wait = (seconds: number) => new YazsanaError({ kind: "rate_limited", operation: "listSendings", retryAfterSeconds: seconds });
    expect(describeYazsanaError(wait(1), translatorFor("en", "yazsana"))).toBe("Yazsana is rate limiting requests; try again in 1 second.");
    expect(describeYazsanaError(wait(1200), translatorFor("tr", "yazsana"))).toContain("1.200");
    expect(tryAgainIn(61)).toBe("in 2 minutes");
    expect(tryAgainIn(61, "tr")).toBe("2 dakika sonra");
    expect(tryAgainIn(3 * 3600, "tr")).toBe("3 saat sonra");
  });
});

describe("server translations outside a request", () => {
  it("answer in English, so actions and lib code stay testable and scripts readable", async () => {
    expect(await getServerLocale()).toBe("en");
    expect((await getServerTranslations("errors"))("sessionEnded")).toBe("Your session has ended. Log in again to continue.");
  });
});
