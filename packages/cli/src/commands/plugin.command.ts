import { loadConfig, type PluginKind } from '@darcha/core';
import { InvalidArgumentError, type Command } from 'commander';
import { cliErrors } from '../cli.errors.js';
import { withPlatform, type GlobalOptions } from '../with-platform.js';
import { formatPluginReport } from './plugin-list.js';
import { createPluginPackage } from './plugin-new.js';
import { verifyPluginPackage } from './plugin-verify.js';

export function registerPluginCommands(program: Command): void {
  const plugin = program.command('plugin').description('create, verify, list, enable and disable plugins');

  plugin
    .command('new <id>')
    .description('create a plugin package <dir>/<id> with a sample service and a test')
    .requiredOption('--kind <kind>', 'agency | city | feature', parseKind)
    .option('--dir <dir>', 'directory to create it in', 'plugins')
    .action((id: string, options: { kind: PluginKind; dir: string }) => {
      const created = createPluginPackage({
        id,
        kind: options.kind,
        parentDir: options.dir,
        cwd: process.cwd(),
      });
      console.log(`created ${created.spec.packageName} in ${created.dir}/`);
      for (const file of created.files) console.log(`  ${created.dir}/${file}`);
      console.log(`
next steps (from the repository root):
  npm install
  add this line to "references" in tsconfig.json:  { "path": "${created.dir}" },
  npm run darcha -- plugin verify ${created.dir}
  npx mocha --node-option conditions=darcha-source --node-option import=tsx ${created.dir}/test/plugin.int.spec.ts`);
    });

  plugin
    .command('verify <dir>')
    .description('run the load-time checks and the service registry checks on the plugin package in <dir>')
    .action(async (dir: string, _options: object, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const config = loadConfig(global.config ? { file: global.config } : {});
      const result = await verifyPluginPackage(dir, process.cwd(), config);
      for (const note of result.notes) console.error(`note: ${note}`);
      const { plugin: verified, problems } = result;
      if (problems.length === 0 && verified) {
        const services = verified.services === 1 ? '1 service' : `${verified.services} services`;
        console.log(`ok: ${verified.id}@${verified.version}, ${services}`);
        return;
      }
      console.log(verified ? `${verified.id}@${verified.version} (${result.source})` : result.source);
      for (const problem of problems) console.log(`  ${problem.code}  ${problem.text}`);
      throw cliErrors.pluginVerifyFailed(verified?.id ?? dir, problems.length, problems[0]!);
    });

  plugin
    .command('enable <tenant> <ids...>')
    .description('enable plugins for a tenant, in the order given (agency packs before the city pack)')
    .action(async (tenantId: string, ids: string[], _options: unknown, command: Command) => {
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        for (const id of ids) {
          await platform.plugins.tenantPlugins.enable(tenantId, id, { actor: 'cli' });
          console.log(`enabled ${id} for ${tenantId}`);
        }
      });
    });

  plugin
    .command('disable <tenant> <ids...>')
    .description('disable plugins for a tenant (their data is kept)')
    .action(async (tenantId: string, ids: string[], _options: unknown, command: Command) => {
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        for (const id of ids) {
          await platform.plugins.tenantPlugins.disable(tenantId, id, { actor: 'cli' });
          console.log(`disabled ${id} for ${tenantId}`);
        }
      });
    });

  plugin
    .command('list')
    .description('start the configured plugins and print the startup report')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        const report = platform.pluginReport;
        console.log(options.json ? JSON.stringify(report, null, 2) : formatPluginReport(report));
      });
    });
}

function parseKind(value: string): PluginKind {
  if (value === 'agency' || value === 'city' || value === 'feature') return value;
  throw new InvalidArgumentError('must be agency, city or feature');
}
