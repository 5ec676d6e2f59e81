// The naive bare stack: BEGIN; UPDATE; INSERT; COMMIT, four round trips per request.
import { startBareServer } from './bare-app.js';
import { INSERT_HISTORY, UPDATE_INQUIRY } from './bare-statements.js';

startBareServer(async ({ pool, tenantId, id, expectedVersion, comment }) => {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const updated = await client.query<{ id: string; version: number }>(UPDATE_INQUIRY, [
      tenantId,
      id,
      expectedVersion,
    ]);
    const row = updated.rows[0];
    if (!row) {
      await client.query('rollback');
      return undefined;
    }
    await client.query(INSERT_HISTORY, [tenantId, id, comment, row.version]);
    await client.query('commit');
    return row;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
});
