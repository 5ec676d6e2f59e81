import type { Platform } from '@darcha/core';
import { InvalidArgumentError, type Command } from 'commander';
import { cliErrors } from '../cli.errors.js';
import { withPlatform, type GlobalOptions } from '../with-platform.js';

interface SeedDemoOptions {
  history: boolean;
  scale: number;
  seed?: string;
}

/** What the command uses of `@darcha/demo` (see {@link loadDemo}). */
interface DemoModule {
  prepareDemo(platform: Platform): Promise<{ tenantId: string | null }[]>;
  describeAccounts(accounts: readonly { tenantId: string | null }[]): string[];
  seedDemoHistory(
    platform: Platform,
    options: {
      scale?: number;
      seed?: string;
      onProgress?: (p: {
        tenantId: string;
        phase: string;
        done: number;
        total: number;
        message?: string;
      }) => void;
    },
  ): Promise<
    {
      tenantId: string;
      from: string;
      to: string;
      seeded: boolean;
      inquiries: number;
      payments: number;
      revenue: number;
      ratings: number;
      skipped: { serviceCode: string; reason: string }[];
      ms: number;
    }[]
  >;
}

const DEMO_PACKAGE = '@darcha/demo';

/**
 * `darcha seed demo`: the demo of the three cities, as `npm start` makes it (tenants, packs,
 * sign-in accounts, shown once), and their history (Chirchik's 2013, Djizak's and Namangan's first
 * quarter of 2014). Whatever exists is left alone, so running it again adds nothing. Progress goes
 * to stderr, the accounts and the figures to stdout.
 */
export function registerSeedCommands(program: Command): void {
  const seed = program.command('seed').description('fill the database with demo data');

  seed
    .command('demo')
    .description(
      'create the demo cities, their packs and accounts, and their 2013-2014 history (a rerun adds nothing)',
    )
    .option('--no-history', 'only the cities, packs and accounts, without the history')
    .option('--scale <factor>', 'multiply the history volumes (0.1 = a tenth)', parseScale, 1)
    .option('--seed <text>', 'seed of the generator; the same seed gives the same history')
    .action(async (options: SeedDemoOptions, command: Command) => {
      const demo = await loadDemo();
      await withPlatform(command.optsWithGlobals<GlobalOptions>(), async (platform) => {
        const accounts = await demo.prepareDemo(platform);
        if (accounts.length > 0) {
          console.log('demo sign-in accounts created (shown once):');
          for (const line of demo.describeAccounts(accounts)) console.log(`  ${line}`);
        }
        if (!options.history) return;
        const started = Date.now();
        const results = await demo.seedDemoHistory(platform, {
          scale: options.scale,
          ...(options.seed ? { seed: options.seed } : {}),
          onProgress: (p) =>
            process.stderr.write(`${p.message ?? `${p.tenantId}: ${p.phase} ${p.done}/${p.total}`}\n`),
        });
        for (const r of results) {
          console.log(
            r.seeded
              ? `${r.tenantId} ${r.from}..${r.to}: ${r.inquiries} inquiries, ${r.payments} payments, ${r.revenue.toLocaleString('en-US')} soums, ${r.ratings} ratings (${(r.ms / 1000).toFixed(1)} s)`
              : `${r.tenantId} ${r.from}..${r.to}: already seeded, nothing added`,
          );
          for (const s of r.skipped) console.log(`  left out ${s.serviceCode}: ${s.reason}`);
        }
        console.log(`demo history done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      });
    });
}

/**
 * Loads the demo package when the command runs: it brings the three city packs, which an
 * installation of the CLI without the demo does not have.
 */
async function loadDemo(): Promise<DemoModule> {
  try {
    return (await import(DEMO_PACKAGE)) as DemoModule;
  } catch (error) {
    throw cliErrors.demoMissing(DEMO_PACKAGE, (error as Error).message);
  }
}

function parseScale(value: string): number {
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw new InvalidArgumentError('must be a number above 0 and at most 10');
  }
  return scale;
}
