import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Preloaded through NODE_OPTIONS: reports when the process sets V8's `--liftoff-only` and exits there,
 * before any database opens (ADR 0008); a process that has not set it 20 s after starting reports
 * `none` and exits. `syncBuiltinESMExports` makes the ES module view of `node:v8`, which
 * `useBaselineWasmCompiler` imports from, see the replaced function.
 */
const REPORT_FLAG = [
  "import v8 from 'node:v8';",
  "import { syncBuiltinESMExports } from 'node:module';",
  'const set = v8.setFlagsFromString;',
  'v8.setFlagsFromString = (flags) => {',
  "  if (flags === '--liftoff-only') { process.stdout.write('baseline'); process.exit(0); }",
  '  set(flags);',
  '};',
  'syncBuiltinESMExports();',
  "setTimeout(() => { process.stdout.write('none'); process.exit(0); }, 20_000).unref();",
].join('\n');

/** Runs a built command on the embedded database (in memory) and returns what the preload wrote. */
function run(bin: string, args: string[] = []): string {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return execFileSync(path.join(ROOT, bin), args, {
    cwd: ROOT,
    env: {
      ...inherited,
      DARCHA_DATA_DIR: 'memory://',
      PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(REPORT_FLAG)}`,
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

describe("the commands on the embedded database use V8's baseline WebAssembly compiler", function () {
  this.timeout(90_000);

  it('darcha-server sets it before opening the database', () => {
    expect(run('packages/server/bin/darcha-server.js')).to.equal('baseline');
  });

  it('the darcha CLI sets it before running a command', () => {
    expect(run('packages/cli/bin/darcha.js', ['tenant', 'list'])).to.equal('baseline');
  });
});
