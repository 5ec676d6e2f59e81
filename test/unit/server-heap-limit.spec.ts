import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { serverNodeOptions } from '../bench/darcha/node-options.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'packages/server/bin/darcha-server.js');

describe('the heap limit darcha-server runs with', () => {
  it('is set on the command line, and npm start runs with the same', () => {
    const options = serverNodeOptions(BIN);
    expect(options.some((o) => /^--max-old-space-size=\d+$/.test(o))).to.equal(true);
    const start = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts['start']!;
    for (const option of options) expect(start.split(' ')).to.include(option);
  });

  it('is what V8 gets when the command is run as a program', () => {
    // A module preloaded through NODE_OPTIONS reports the limit and exits before the server starts.
    const report =
      "import v8 from 'node:v8'; process.stdout.write(String(v8.getHeapStatistics().heap_size_limit)); process.exit(0);";
    const out = execFileSync(BIN, [], {
      env: { ...process.env, NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(report)}` },
      encoding: 'utf8',
    });
    const limitMb = Number(out) / 1024 / 1024;
    const [, configured] = /--max-old-space-size=(\d+)/.exec(serverNodeOptions(BIN).join(' '))!;
    // The old generation's limit plus the young generation's few tens of megabytes.
    expect(limitMb).to.be.within(Number(configured), Number(configured) + 128);
  });
});
