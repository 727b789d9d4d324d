// CPU time accounting for benchmarks: how many CPU milliseconds the processes of a given name (e.g. every
// PostgreSQL backend, or pgbench) used, read from /proc (Linux). Lets a bench say where the cores went per
// request, which a throughput number alone cannot, and which stays meaningful on a busy machine.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU ms (user + system) used so far by the live processes whose command name is one of `names`, by pid. */
export function cpuByName(names: readonly string[]): Map<number, number> {
  const result = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (!names.includes(stat.slice(open + 1, close))) continue;
    const fields = stat.slice(close + 2).split(' ');
    // After "pid (comm) ": state is field 0; utime, stime, cutime, cstime are fields 11–14. The children's
    // times matter for PostgreSQL: a backend that exits is added to the postmaster's cutime/cstime.
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    result.set(Number(entry), (ticks * 1000) / TICKS_PER_SECOND);
  }
  return result;
}

/**
 * CPU ms the named processes used between two snapshots. A process that ended in between is counted when its
 * parent is among them and reaped it (PostgreSQL backends and the postmaster); otherwise its last part is lost.
 */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  const sum = (map: Map<number, number>) => [...map.values()].reduce((a, b) => a + b, 0);
  return sum(after) - sum(before);
}

/** Runs `fn` and returns its result with the CPU ms used meanwhile by this process and by the named processes. */
export async function measureCpu<T>(names: readonly string[], fn: () => Promise<T> | T): Promise<{ value: T; selfMs: number; namedMs: number }> {
  const namedBefore = cpuByName(names);
  const selfBefore = process.cpuUsage();
  const value = await fn();
  const self = process.cpuUsage(selfBefore);
  return { value, selfMs: (self.user + self.system) / 1000, namedMs: cpuDelta(namedBefore, cpuByName(names)) };
}
