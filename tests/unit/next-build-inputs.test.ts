import { expect, it } from "vitest";
import { buildInputs } from "@/scripts/lib/next-build";

it("counts every input of the production build, and not tests or docs", () => {
  const inputs = new Set(buildInputs());
  for (const file of [
    "proxy.ts",
    "instrumentation.ts",
    "next.config.js",
    "postcss.config.mjs",
    "tsconfig.json",
    "package.json",
    "package-lock.json",
    "prisma/schema.prisma",
    "app/layout.tsx",
    "lib/yazsana/routes.ts",
  ]) {
    expect(inputs, file).toContain(file);
  }
  expect([...inputs].some((file) => file.startsWith("lib/db/generated/")), "the generated Prisma client").toBe(true);
  expect([...inputs].filter((file) => file.startsWith("tests/") || file.endsWith(".md"))).toEqual([]);
});
