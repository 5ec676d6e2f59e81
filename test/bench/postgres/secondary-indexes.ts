import pg from 'pg';

/**
 * Runs a bulk load of `table` with its secondary indexes (those behind no constraint) dropped, then
 * builds them again from their own definitions, two at a time (the machine's cores), and analyzes
 * the table: the same indexes as the migrations made, built once instead of row by row. Primary and
 * unique keys, foreign keys and checks stay in force during the load.
 */
export async function withoutSecondaryIndexes<T>(
  url: string,
  table: string,
  load: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; definition: string }>(
      `select indexname as name, indexdef as definition from pg_indexes
        where schemaname = current_schema() and tablename = $1
          and indexname not in (select conname from pg_constraint where conrelid = $1::regclass)`,
      [table],
    );
    for (const index of rows) await client.query(`drop index ${index.name}`);
    const result = await load();
    const queue = [...rows];
    const builder = async (): Promise<void> => {
      const own = new pg.Client({ connectionString: url });
      await own.connect();
      try {
        await own.query(`set maintenance_work_mem = '256MB'`);
        for (let index = queue.shift(); index; index = queue.shift()) await own.query(index.definition);
      } finally {
        await own.end();
      }
    };
    await Promise.all([builder(), builder()]);
    await client.query(`analyze ${table}`);
    return result;
  } finally {
    await client.end();
  }
}
