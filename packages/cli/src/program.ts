import { Command } from 'commander';
import { registerMigrateCommand } from './commands/migrate.command.js';
import { registerPluginCommands } from './commands/plugin.command.js';
import { registerSeedCommands } from './commands/seed.command.js';
import { registerTenantCommands } from './commands/tenant.command.js';
import { registerUserCommands } from './commands/user.command.js';

/** The `darcha` command line, without running it (tests parse arguments against it). */
export function createProgram(): Command {
  const program = new Command('darcha')
    .description('Darcha: run and administer a multi-city One-Stop-Shop platform')
    .option('-c, --config <file>', 'config file (default darcha.config.json, or env DARCHA_CONFIG)')
    .showHelpAfterError()
    .exitOverride(); // subcommands inherit this: usage errors come back to runCli instead of exiting
  registerMigrateCommand(program);
  registerTenantCommands(program);
  registerPluginCommands(program);
  registerUserCommands(program);
  registerSeedCommands(program);
  return program;
}
