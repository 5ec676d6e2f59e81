import { setFlagsFromString } from 'node:v8';

/** V8's flag that keeps WebAssembly on its baseline compiler, Liftoff, and never tiers up to TurboFan. */
const BASELINE_WASM_FLAG = '--liftoff-only';

/**
 * Has V8 compile WebAssembly with its baseline compiler only (`--liftoff-only`), for a process that
 * runs the embedded database (ADR 0008). PGlite is PostgreSQL compiled to WebAssembly; left to
 * itself, V8 recompiles PGlite's busy functions with TurboFan while the server starts, on the cores
 * the start needs, and keeps both compilations in memory. With Liftoff only, the server on an existing
 * directory started in 2.5-3.0 s instead of 3.3-4.2 s and held about 60 MB less under load, at the
 * same filing rate (2-core machine).
 *
 * Call it before the embedded database opens: V8 reads the flag when it compiles PGlite's module.
 * The flag is process-wide: call it from a program's entry point, not from a library. A process
 * started with any of V8's Liftoff flags (`--liftoff-only`, `--no-liftoff-only`, `--no-liftoff`, in
 * any of V8's spellings) keeps what it was given: that is how an operator keeps TurboFan. Returns
 * whether this call set the flag.
 */
export function useBaselineWasmCompiler(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some(choosesWasmTier)) return false;
  setFlagsFromString(BASELINE_WASM_FLAG);
  return true;
}

/** `--no-liftoff-only`, `--no_liftoff_only`, `--noliftoff-only`, `-liftoff`, ...: V8 accepts them all. */
function choosesWasmTier(arg: string): boolean {
  return /^--?(no-?)?liftoff(-only)?$/.test(arg.replace(/_/g, '-'));
}
