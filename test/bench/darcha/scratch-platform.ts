import { createScratchDatabase, type ScratchDatabase } from '../postgres/scratch-database.js';
import {
  cityCredentials,
  openBenchPlatform,
  prepareCity,
  type CityCredentials,
  type CitySpec,
} from './bench-city.js';

/** A scratch database migrated by Darcha, with cities set up and credentials for some of them. */
export interface ScratchPlatform {
  db: ScratchDatabase;
  credentials: Map<string, CityCredentials>;
}

/**
 * Creates a scratch database next to DATABASE_URL's, lets Darcha migrate it (`openPlatform` with a
 * config pointing at it, the workspace's plugins discovered as the server does), sets up `cities`
 * and makes an API key and a front-office officer in each city of `withCredentials`. The platform is
 * closed again: the server that is measured runs in a process of its own.
 */
export async function scratchPlatform(
  serverUrl: string,
  label: string,
  cities: readonly CitySpec[],
  withCredentials: readonly string[],
): Promise<ScratchPlatform> {
  const db = await createScratchDatabase(serverUrl, label);
  try {
    const platform = await openBenchPlatform({ url: db.url });
    try {
      for (const city of cities) await prepareCity(platform, city);
      const credentials = new Map<string, CityCredentials>();
      for (const id of withCredentials) credentials.set(id, await cityCredentials(platform, id));
      return { db, credentials };
    } finally {
      await platform.close();
    }
  } catch (error) {
    await db.drop();
    throw error;
  }
}
