/**
 * A process and its descendants (a service's supervisor and its node:cluster workers) from /proc:
 * their pids, CPU time and RSS. CPU comes from each thread's schedstat, in nanoseconds: the paced
 * rows spend a few tens of milliseconds per slice, below what /proc/<pid>/stat's clock ticks resolve.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpuMs, memoryMiB } from './procfs.js';

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The parent of every live process, from /proc/<pid>/stat (field 4, after the command in parentheses). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    out.set(Number(entry), ppid);
  }
  return out;
}

/** The root first, then its descendants, parents before children. */
export function treePids(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(byParent.get(pid) ?? []).sort((a, b) => a - b));
  }
  return out;
}

/** CPU nanoseconds of one process so far, all its threads; its clock ticks where schedstat is missing. */
export function processCpuNs(pid: number): number {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let sum = 0;
  for (const tid of tasks) {
    const runNs = Number(read(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ')[0]);
    if (!Number.isFinite(runNs)) return cpuMs(pid) * 1e6;
    sum += runNs;
  }
  return sum;
}

export const treeCpuNs = (pids: readonly number[]): number => pids.reduce((sum, pid) => sum + processCpuNs(pid), 0);

/** VmRSS of each process of a tree, MiB (absent when a process is gone). */
export function treeRss(pids: readonly number[]): { pid: number; rssMiB: number }[] {
  return pids.flatMap((pid) => {
    const mem = memoryMiB(pid);
    return mem ? [{ pid, rssMiB: mem.rss }] : [];
  });
}
