import { runCli } from '@darcha/cli';

/** Runs `darcha plugin verify <dir>` in this process and returns its exit code and printed lines. */
export async function verifyPack(dir: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => out.push(parts.join(' '));
  console.error = (...parts: unknown[]) => err.push(parts.join(' '));
  try {
    return { code: await runCli(['plugin', 'verify', dir]), out, err };
  } finally {
    console.log = log;
    console.error = error;
  }
}
