import { readFileSync } from 'node:fs';

/**
 * The Node options `darcha-server` runs with: those on its first line
 * (`#!/usr/bin/env -S node <options>`). The harness starts the server with `fork`, which ignores that
 * line, and passes these itself, so it measures the server as the command runs it.
 */
export function serverNodeOptions(binPath: string): string[] {
  const first = readFileSync(binPath, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\/usr\/bin\/env -S node((?: --?[\w-]+(?:=\S+)?)*)\s*$/.exec(first);
  if (!match) throw new Error(`${binPath} does not start with "#!/usr/bin/env -S node [options]": ${first}`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}
