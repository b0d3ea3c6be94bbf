import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** Starts the production build with `env` and collects what it prints until it exits. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", "0"], {
      env: { ...process.env, NODE_ENV: "production", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("the server refuses to start with a malformed master key, and says why without printing it", async () => {
  const garbage = "v1:definitely-not-32-bytes";
  const { code, output } = await startServer({ KEY_ENCRYPTION_KEYS: garbage, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
  expect(code).toBe(1);
  expect(output).toContain("KEY_ENCRYPTION_KEYS");
  expect(output).toContain("refusing to start");
  expect(output).not.toContain("definitely-not-32-bytes");
});

test("in production the server refuses a plain-http public URL and a missing session secret", async () => {
  const keys = `v1:${Buffer.alloc(32, 7).toString("base64")}`;
  const database = { KEY_ENCRYPTION_KEYS: keys, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", YAZSANA_API_URL: "http://127.0.0.1:9" };
  const plainHttp = await startServer({ ...database, NEXTAUTH_SECRET: "s".repeat(43), NEXTAUTH_URL: "http://portal.example.com" });
  expect(plainHttp.code).toBe(1);
  expect(plainHttp.output).toContain("NEXTAUTH_URL must start with https://");
  expect(plainHttp.output).toContain("auth: refusing to start.");

  const noSecret = await startServer({ ...database, NEXTAUTH_SECRET: "", NEXTAUTH_URL: "https://portal.example.com", TRUSTED_PROXY_HOPS: "1" });
  expect(noSecret.code).toBe(1);
  expect(noSecret.output).toContain("NEXTAUTH_SECRET is not set");
});

test("the server refuses to start with a malformed YAZSANA_API_URL, and names the variable", async () => {
  const { code, output } = await startServer({
    KEY_ENCRYPTION_KEYS: `v1:${Buffer.alloc(32, 7).toString("base64")}`,
    YAZSANA_API_URL: "yazsana.example/api",
    DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
  });
  expect(code).toBe(1);
  expect(output).toContain("YAZSANA_API_URL is not a valid URL");
  expect(output).toContain("refusing to start");
});
