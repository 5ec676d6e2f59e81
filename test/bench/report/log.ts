/** Progress lines, each with the seconds since the run started. */
export type Log = (message: string) => void;

export function progressLog(started = performance.now()): Log {
  return (message) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
    process.stderr.write(`[${seconds}s] ${message}\n`);
  };
}
