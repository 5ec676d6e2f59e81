import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { CONFIG_ENV_VARS } from '../../packages/core/src/config/load-config.js';

// Every error code raised in library code must be documented in docs/reference/errors.md.
const ROOT = path.resolve(import.meta.dirname, '../..');
const ENV_VARS = new Set([...Object.keys(CONFIG_ENV_VARS), 'DARCHA_CONFIG']);
const QUOTED_CODE = /['"`](DARCHA_[A-Z][A-Z0-9_]*[A-Z0-9])['"`]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

function codesInSource(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const area of ['packages', 'plugins']) {
    const base = path.join(ROOT, area);
    let packages: string[] = [];
    try {
      packages = readdirSync(base);
    } catch {
      continue;
    }
    for (const pkg of packages) {
      const src = path.join(base, pkg, 'src');
      try {
        statSync(src);
      } catch {
        continue;
      }
      for (const file of sourceFiles(src)) {
        for (const match of readFileSync(file, 'utf8').matchAll(QUOTED_CODE)) {
          const code = match[1]!;
          if (!ENV_VARS.has(code) && !codes.has(code)) codes.set(code, path.relative(ROOT, file));
        }
      }
    }
  }
  return codes;
}

describe('error catalog', () => {
  const documented = readFileSync(path.join(ROOT, 'docs/reference/errors.md'), 'utf8');
  const codes = codesInSource();

  it('finds the error codes raised in library code', () => {
    expect(codes.size).to.be.greaterThan(20);
    expect([...codes.keys()]).to.include.members([
      'DARCHA_DB_LOCKED',
      'DARCHA_TENANT_INVALID',
      'DARCHA_CONFIG_INVALID',
    ]);
  });

  it('documents every code in docs/reference/errors.md', () => {
    const missing = [...codes]
      .filter(([code]) => !documented.includes(`\`${code}\``))
      .map(([c, f]) => `${c} (${f})`);
    expect(missing, 'codes used in src but missing from docs/reference/errors.md').to.deep.equal([]);
  });
});
