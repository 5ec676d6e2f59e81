import type { Command } from 'commander';
import { withPlatform, type GlobalOptions } from '../with-platform.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending migrations of core (a rerun does nothing); --status only reports them')
    .option('--status', 'list applied and pending migrations without applying anything')
    .action(async (options: { status?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      await withPlatform(
        global,
        async (platform) => {
          const state = platform.migrations;
          const where = `${platform.db.kind} at ${platform.db.location}`;
          if (options.status) {
            console.log(`${where}: ${state.applied.length} applied, ${state.pending.length} pending`);
            for (const name of state.pending) console.log(`  pending  ${name}`);
          } else {
            console.log(
              `${where}: up to date (${state.applied.length} migrations of ${state.namespace} applied)`,
            );
          }
        },
        { migrate: !options.status },
      );
    });
}
