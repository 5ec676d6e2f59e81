/**
 * Version ranges a new plugin's package.json asks for. Keep them in step with packages/core and
 * packages/testing: test/plugin-new.int.spec.ts fails when they drift.
 */
export const SCAFFOLD_VERSIONS = {
  core: '^0.1.0',
  testing: '^0.1.0',
  node: '^20.19 || >=22',
} as const;
