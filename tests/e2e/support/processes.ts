import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { isProcessAlive } from "../../../scripts/lib/postgres";

export type RunningProcess = { pid: number; command: string };

/**
 * The live processes of a process group, with their command lines (Linux /proc).
 * A process started `detached` leads its own group: this is it and everything
 * it started, however deep, unless a descendant left the group on purpose.
 */
export function processGroup(groupId: number): RunningProcess[] {
  const members: RunningProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised name: state, ppid, pgrp, …
      const [, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) !== groupId || !isProcessAlive(Number(entry))) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
      members.push({ pid: Number(entry), command });
    } catch {
      // It exited while we looked.
    }
  }
  return members;
}

/** True when nothing listens on `port`: binding it on every interface succeeds. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
