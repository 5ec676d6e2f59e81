import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open-database.js';
import { PGLITE_SHARED_BUFFERS } from '../../src/db/pglite-start.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { CORE_NAMESPACE, coreMigrations } from '../../src/migrations/index.js';

async function sharedBuffers(db: Database): Promise<string> {
  const result = await db.withHost((trx) =>
    trx.raw<{ rows: { shared_buffers: string }[] }>('show shared_buffers'),
  );
  return result.rows[0]!.shared_buffers;
}

describe('the embedded database’s start parameters', () => {
  // Whatever DATABASE_URL says: this one opens PGlite in a directory of its own.
  it('opens a data directory with 32 MB of shared buffers instead of 128', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'darcha-pglite-start-'));
    try {
      const db = await openDatabase({ dataDir: path.join(dir, 'data') });
      try {
        await db.migrate(CORE_NAMESPACE, coreMigrations);
        expect(await sharedBuffers(db))
          .to.equal('32MB')
          .and.to.equal(PGLITE_SHARED_BUFFERS);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  if (!process.env['DATABASE_URL']) {
    it('opens the test databases (copies of a template dump) with the same', async () => {
      const db = await openTestDatabase();
      try {
        expect(await sharedBuffers(db)).to.equal(PGLITE_SHARED_BUFFERS);
      } finally {
        await db.close();
      }
    });
  }
});
