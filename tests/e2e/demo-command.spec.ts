import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, chmodSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, isProcessAlive } from "../../scripts/lib/postgres";
import { portIsFree, processGroup, type RunningProcess } from "./support/processes";

/** Whether something accepts TCP connections on address:port. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: 3_000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}

// README's first command, as a new user runs it: everything on its own ports and
// in a throwaway data folder, secrets given so nothing is written to .env.local.
test("npm run demo starts everything, the printed demo login works, and Ctrl-C stops it all, freeing its ports", async ({ page }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "yazsana-demo-"));
  chmodSync(dataDir, 0o755); // the postgres system user must reach its folder
  const [appPort, postgresPort, simulatorPort] = [await freePort(), await freePort(), await freePort()];
  const password = randomBytes(12).toString("base64url");
  const demo = spawn("npm", ["run", "demo"], {
    detached: true, // its own process group, so a "Ctrl-C" reaches npm, tsx and node alike
    env: {
      ...process.env,
      PORT: String(appPort),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      YAZSANA_SIM_PORT: String(simulatorPort),
      PORTAL_DATA_DIR: dataDir,
      // Empty means "unset" to the demo, and keeps a developer's .env.local out of it.
      DATABASE_URL: "",
      YAZSANA_API_URL: "",
      NEXTAUTH_URL: "",
      HOSTNAME: "", // the default: this machine only
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      KEY_ENCRYPTION_KEYS: `v1:${randomBytes(32).toString("base64")}`,
      YAZSANA_SIM_DEMO_KEY: `ysk_${randomBytes(24).toString("base64url")}`,
      DEMO_USER_EMAIL: "demo@example.com",
      DEMO_USER_PASSWORD: password,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  demo.stdout!.on("data", (chunk) => (output += chunk));
  demo.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => demo.on("exit", resolve));
  // What Ctrl-C must stop, seen while the demo runs.
  let app: RunningProcess[] = [];
  let simulator: RunningProcess[] = [];

  try {
    await expect.poll(() => output, { timeout: 180_000, intervals: [500] }).toContain("Yazsana Portal is ready");
    expect(output).toContain(`http://localhost:${appPort}`);
    expect(output).toContain(`Demo login: demo@example.com / ${password}`);

    // It prints a password: the app listens on loopback only, not on the machine's other addresses.
    expect(await accepts("127.0.0.1", appPort)).toBe(true);
    const otherAddresses = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry && !entry.internal && entry.family === "IPv4")
      .map((entry) => entry!.address);
    for (const address of otherAddresses) expect(await accepts(address, appPort), `the app answers on ${address}`).toBe(false);

    await page.goto(`http://localhost:${appPort}/dashboard`);
    await page.getByLabel("Email").fill("demo@example.com");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demo Company");
    await expect(page.getByRole("rowheader").first()).toBeVisible();
    await expect(page.getByLabel("Context").locator("option").first()).toHaveText("Personal credit");

    const running = processGroup(demo.pid!);
    app = running.filter((process) => /next(-server| start)/.test(process.command));
    simulator = running.filter((process) => process.command.includes(path.join("sim", "main.ts")));
    expect(app, `the app among ${JSON.stringify(running)}`).not.toEqual([]);
    expect(simulator, `the simulator among ${JSON.stringify(running)}`).not.toEqual([]);
    for (const port of [appPort, simulatorPort, postgresPort]) expect(await portIsFree(port), `port ${port} in use`).toBe(false);
  } finally {
    const postmasterPid = path.join(dataDir, "postgres", "postmaster.pid");
    const postgresPid = existsSync(postmasterPid) ? Number(readFileSync(postmasterPid, "utf8").split("\n")[0]) : undefined;
    process.kill(-demo.pid!, "SIGINT");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    expect(demo.exitCode ?? demo.signalCode).not.toBeNull();
    // npm may exit before the demo has finished stopping what it started: wait for the whole group.
    await expect.poll(() => processGroup(demo.pid!), { timeout: 30_000 }).toEqual([]);
    if (postgresPid) await expect.poll(() => isProcessAlive(postgresPid), { timeout: 15_000 }).toBe(false);
    for (const { pid, command } of [...app, ...simulator]) expect(isProcessAlive(pid), `${command} still runs`).toBe(false);
    // Nothing the demo started is left on its ports.
    for (const port of [appPort, simulatorPort, postgresPort]) expect(await portIsFree(port), `port ${port} still in use`).toBe(true);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
