/** CPU time of the processes a bench drives: the app, PostgreSQL's processes (read from /proc on Linux). */
import fs from 'node:fs';

/** CPU milliseconds per request or row spent by the app process, by PostgreSQL's processes and by this bench client. */
export interface CpuShare {
  appMs: number;
  postgresMs: number;
  clientMs: number;
}

const TICK_MS = 1000 / 100; // Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s

/** utime + stime of a process in ms (0 when it is gone). */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU ms of every process named `postgres` (the embedded server and its backends). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += processCpuMs(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return total;
}
