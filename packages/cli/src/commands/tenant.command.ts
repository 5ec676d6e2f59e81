import { isLocale, type Locale, type Tenant, type TenantKind } from '@darcha/core';
import { InvalidArgumentError, type Command } from 'commander';
import { withPlatform, type GlobalOptions } from '../with-platform.js';

interface CreateOptions {
  name: string;
  kind: TenantKind;
  parent?: string;
  locale: Locale;
  timeZone?: string;
}

export function registerTenantCommands(program: Command): void {
  const tenant = program
    .command('tenant')
    .description('create, list and suspend tenants (cities, regions, countries)');

  tenant
    .command('create <id>')
    .description('create a tenant; a city needs --parent (its region or country)')
    .requiredOption('--name <name>', 'name in the default locale')
    .option('--kind <kind>', 'country | region | city', parseKind, 'city')
    .option('--parent <id>', 'parent tenant: the region or country above it')
    .option('--locale <locale>', 'default locale: uz-Latn | uz-Cyrl | ru | en', parseLocale, 'uz-Latn')
    .option('--time-zone <zone>', 'IANA time zone (default Asia/Tashkent)')
    .action(async (id: string, options: CreateOptions, command: Command) => {
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        const created = await platform.tenants.create(
          {
            id,
            kind: options.kind,
            parentId: options.parent ?? null,
            names: { [options.locale]: options.name },
            defaultLocale: options.locale,
            ...(options.timeZone ? { timeZone: options.timeZone } : {}),
          },
          { actor: 'cli' },
        );
        console.log(
          `created ${created.kind} ${created.id}${created.parentId ? ` under ${created.parentId}` : ''}`,
        );
      });
    });

  tenant
    .command('list')
    .description('list tenants')
    .option('--status <status>', 'only active | suspended | archived')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { status?: Tenant['status']; json?: boolean }, command: Command) => {
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        const tenants = await platform.tenants.list(options.status ? { status: options.status } : {});
        if (options.json) console.log(JSON.stringify(tenants, null, 2));
        else console.log(formatTable(tenants));
      });
    });

  tenant
    .command('suspend <id>')
    .description('suspend a tenant: its data stays, its requests are refused')
    .requiredOption('--reason <text>', 'why, for the audit log')
    .action(async (id: string, options: { reason: string }, command: Command) => {
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        await platform.tenants.suspend(id, options.reason, { actor: 'cli' });
        console.log(`suspended ${id}`);
      });
    });

  tenant
    .command('resume <id>')
    .description('serve a suspended tenant again')
    .action(async (id: string, _options: object, command: Command) => {
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        await platform.tenants.resume(id, { actor: 'cli' });
        console.log(`resumed ${id}`);
      });
    });

  tenant
    .command('archive <id>')
    .description('archive a tenant for good (its children must be archived first)')
    .requiredOption('--reason <text>', 'why, for the audit log')
    .action(async (id: string, options: { reason: string }, command: Command) => {
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        await platform.tenants.archive(id, options.reason, { actor: 'cli' });
        console.log(`archived ${id}`);
      });
    });
}

function formatTable(tenants: readonly Tenant[]): string {
  if (tenants.length === 0) return 'no tenants';
  const rows = tenants.map((t) => [
    t.id,
    t.kind,
    t.parentId ?? '-',
    t.status,
    t.names[t.defaultLocale] ?? '',
  ]);
  const header = ['ID', 'KIND', 'PARENT', 'STATUS', 'NAME'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function parseKind(value: string): TenantKind {
  if (value === 'country' || value === 'region' || value === 'city') return value;
  throw new InvalidArgumentError('must be country, region or city');
}

function parseLocale(value: string): Locale {
  if (isLocale(value)) return value;
  throw new InvalidArgumentError('must be uz-Latn, uz-Cyrl, ru or en');
}
