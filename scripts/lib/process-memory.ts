import { readFileSync } from "node:fs";

export type ProcessMemory = { rssMb: number; peakRssMb: number };

/**
 * Resident memory of a process from Linux's /proc/<pid>/status: now (VmRSS)
 * and the highest so far (VmHWM). Undefined where /proc is not available.
 */
export function readProcessMemory(pid: number | undefined): ProcessMemory | undefined {
  if (!pid) return undefined;
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const megabytes = (field: string) => {
    const kilobytes = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
    return Math.round(kilobytes / 1024);
  };
  const rssMb = megabytes("VmRSS");
  const peakRssMb = megabytes("VmHWM");
  return Number.isFinite(rssMb) && Number.isFinite(peakRssMb) ? { rssMb, peakRssMb } : undefined;
}
