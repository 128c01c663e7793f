/** CPU time and memory of processes from /proc (Linux). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

const CLOCK_TICKS = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(out.stdout?.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

/** User + system CPU milliseconds of a process, all its threads, so far; 0 when it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) is in parentheses and may hold spaces: split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3, so utime (14) is fields[11] and stime (15) fields[12].
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

export const totalCpuMs = (pids: readonly number[]): number => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);

/** VmRSS and VmHWM (peak RSS) in MiB, or undefined when the process is gone. */
export function memoryMiB(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    const peak = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
    if (!rss || !peak) return undefined;
    return { rss: Number(rss[1]) / 1024, peak: Number(peak[1]) / 1024 };
  } catch {
    return undefined;
  }
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

/** The CPUs this process may run on, as taskset prints them ("0,1", "1"), or undefined without taskset. */
export function affinityOf(pid: number): string | undefined {
  const out = spawnSync('taskset', ['-c', '-p', String(pid)], { encoding: 'utf8' });
  if (out.status !== 0) return undefined;
  return /:\s*(\S+)\s*$/.exec(out.stdout.trim())?.[1];
}

/** Pins every thread of a process to the given CPU list; false when taskset is missing or refuses. */
export function pin(pid: number, cpus: string): boolean {
  return spawnSync('taskset', ['-a', '-c', '-p', cpus, String(pid)], { encoding: 'utf8' }).status === 0;
}
