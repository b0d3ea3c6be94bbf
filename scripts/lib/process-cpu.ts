import { readdirSync, readFileSync } from "node:fs";

// Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream kernel build.
const TICK_MS = 10;

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function ownCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name (which may contain spaces): utime is the 14th, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * User + system CPU time (ms) a process and its descendants have used so far,
 * from /proc. Undefined where /proc is not available or the process is gone.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    let total = 0;
    const pending = [pid];
    while (pending.length) {
      const next = pending.pop()!;
      total += ownCpuMs(next);
      pending.push(...children(next));
    }
    return total;
  } catch {
    return undefined;
  }
}
