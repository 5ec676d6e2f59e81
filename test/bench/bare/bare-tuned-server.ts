// The tuned bare stack: the update and the history row as one statement, one round trip per request.
import { startBareServer } from './bare-app.js';
import { UPDATE_WITH_HISTORY } from './bare-statements.js';

startBareServer(async ({ pool, tenantId, id, expectedVersion, comment }) => {
  const result = await pool.query<{ id: string; version: number }>(UPDATE_WITH_HISTORY, [
    tenantId,
    id,
    comment,
    expectedVersion,
  ]);
  return result.rows[0];
});
