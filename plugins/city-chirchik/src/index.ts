import { chirchik } from './chirchik.js';

/** city-chirchik: the city pack of Chirchik, an OSS of seconded agency staff. */
export default chirchik.plugin;
export { chirchik };
