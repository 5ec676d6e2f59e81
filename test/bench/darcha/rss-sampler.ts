import { readFileSync } from 'node:fs';

/** Resident memory of a process in MB, from /proc (Linux): now, and the high-water mark. */
export function readRss(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; resolves the largest sample seen. */
export function sampleRss(pid: number, everyMs = 250): { stop(): number } {
  let max = 0;
  const take = () => {
    const rss = readRss(pid)?.rssMb;
    if (rss !== undefined && rss > max) max = rss;
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return max;
    },
  };
}
