import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { useBaselineWasmCompiler } from '../../src/db/wasm-compiler.js';

const MODULE = pathToFileURL(path.join(import.meta.dirname, '../../src/db/wasm-compiler.ts')).href;

/**
 * A process that (maybe) calls useBaselineWasmCompiler, then runs a WebAssembly function hot enough
 * for V8 to tier it up (a tiny budget), and reports which compiler its code came from. The flag is
 * process-wide, hence a process per case. `%IsLiftoffFunction` and `%IsTurboFanFunction` are V8's
 * test natives (`--allow-natives-syntax`).
 */
function tierAfterHotLoop(
  call: boolean,
  nodeFlags: string[] = [],
): { set: boolean; liftoff: boolean; turbofan: boolean } {
  // (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
  const script = `
    import { useBaselineWasmCompiler } from ${JSON.stringify(MODULE)};
    const set = ${call} ? useBaselineWasmCompiler() : false;
    const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,7,1,96,2,127,127,1,127,3,2,1,0,7,7,1,3,97,100,100,0,0,10,9,1,7,0,32,0,32,1,106,11]);
    const { instance } = await WebAssembly.instantiate(bytes);
    const add = instance.exports.add;
    for (let i = 0; i < 1e6; i++) add(i, 1);
    const liftoff = new Function('f', 'return %IsLiftoffFunction(f)')(add);
    const turbofan = new Function('f', 'return %IsTurboFanFunction(f)')(add);
    process.stdout.write(JSON.stringify({ set, liftoff, turbofan }));`;
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--allow-natives-syntax',
      '--wasm-tiering-budget=1000',
      ...nodeFlags,
      '--input-type=module',
      '--eval',
      script,
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return JSON.parse(out) as { set: boolean; liftoff: boolean; turbofan: boolean };
}

describe('useBaselineWasmCompiler', function () {
  this.timeout(60_000);

  it('is needed: without it, a hot WebAssembly function is recompiled by TurboFan', () => {
    expect(tierAfterHotLoop(false)).to.deep.equal({ set: false, liftoff: false, turbofan: true });
  });

  it('keeps WebAssembly on the baseline compiler, Liftoff', () => {
    expect(tierAfterHotLoop(true)).to.deep.equal({ set: true, liftoff: true, turbofan: false });
  });

  it('leaves a process started with --no-liftoff-only to TurboFan', () => {
    expect(tierAfterHotLoop(true, ['--no-liftoff-only'])).to.deep.equal({
      set: false,
      liftoff: false,
      turbofan: true,
    });
  });

  it("leaves the choice to a process started with any of V8's spellings of a Liftoff flag", () => {
    // Each returns before setting anything, so this can run in the test's own process.
    for (const flag of [
      '--liftoff-only',
      '--no-liftoff-only',
      '--no_liftoff_only',
      '--noliftoff-only',
      '-no-liftoff-only',
      '--no-liftoff',
      '--liftoff',
    ]) {
      expect(useBaselineWasmCompiler(['--max-old-space-size=1024', flag]), flag).to.equal(false);
    }
  });
});
