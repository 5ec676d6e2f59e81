import { randomBytes } from 'node:crypto';
import type { PlatformUser } from '@darcha/core';
import type { Command } from 'commander';
import { withPlatform, type GlobalOptions } from '../with-platform.js';

interface CreateOptions {
  name: string;
  passwordStdin?: boolean;
}

/**
 * `darcha user`: platform administrators, the operators of the whole installation (cities'
 * staff are managed per city, in the administration API). The first one is made here.
 */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('create and list platform administrators');

  user
    .command('create <login>')
    .description('create a platform administrator; prints a new random password once unless --password-stdin')
    .requiredOption('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input instead of making one')
    .action(async (login: string, options: CreateOptions, command: Command) => {
      const password = options.passwordStdin ? await readStdin() : randomBytes(12).toString('base64url');
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        const created = await platform.identity.createPlatformUser(
          { login, displayName: options.name, password, roles: ['platform_admin'] },
          { actor: 'cli' },
        );
        console.log(`created platform administrator ${created.login} (${created.id})`);
        if (!options.passwordStdin) console.log(`password: ${password}  (shown once; keep it safe)`);
      });
    });

  user
    .command('list')
    .description('list platform administrators')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        const users = await platform.identity.listPlatformUsers();
        if (options.json) console.log(JSON.stringify(users, null, 2));
        else console.log(formatTable(users));
      });
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  // One trailing newline (from `echo` or a here-string) is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function formatTable(users: readonly PlatformUser[]): string {
  if (users.length === 0) return 'no platform administrators';
  const rows = users.map((u) => [
    u.login,
    u.displayName,
    u.roles.join(','),
    u.active ? 'active' : 'inactive',
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n');
}
