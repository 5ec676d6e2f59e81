import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** CPU spent during a load, per completed request: by the server under test and by PostgreSQL. */
export interface CpuPerRequest {
  /** Milliseconds of CPU (user + system) of the server process per request. */
  serverMs: number;
  /** Milliseconds of CPU of every PostgreSQL process of the machine per request. */
  postgresMs: number;
  /** Cores the server kept busy on average over the load (1.0: one core all the time). */
  serverCores: number;
  postgresCores: number;
}

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second, in which /proc reports CPU times (`getconf CLK_TCK`). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU milliseconds of these processes so far, from /proc (Linux); gone ones count 0. */
function cpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name, which may hold spaces and parentheses: utime and stime are
      // the 12th and 13th after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended
    }
  }
  return (ticks * 1000) / clockTicks();
}

/** The machine's PostgreSQL processes (postmaster, backends, background workers), by command name. */
function postgresPids(): number[] {
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids; // not Linux
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

/**
 * Starts counting the CPU of `serverPid` and of PostgreSQL; `stop(requests)` divides what they used
 * since by the requests completed meanwhile. PostgreSQL's processes are listed at the start and
 * again at the stop: one that started meanwhile (a backend, an autovacuum worker) counts with all of
 * its CPU; one that ended meanwhile is missed. Undefined where /proc cannot be read.
 */
export function meterCpu(serverPid: number): { stop(requests: number): CpuPerRequest | undefined } {
  const postgres = postgresPids();
  const started = performance.now();
  const server0 = cpuMs([serverPid]);
  const postgres0 = cpuMs(postgres);
  return {
    stop(requests) {
      const seconds = (performance.now() - started) / 1000;
      const server = cpuMs([serverPid]) - server0;
      const known = new Set(postgres);
      const fresh = postgresPids().filter((pid) => !known.has(pid));
      const db = cpuMs(postgres) - postgres0 + cpuMs(fresh);
      if (requests <= 0 || seconds <= 0 || server0 === 0) return undefined;
      return {
        serverMs: server / requests,
        postgresMs: db / requests,
        serverCores: server / 1000 / seconds,
        postgresCores: db / 1000 / seconds,
      };
    },
  };
}
