import { PGlite } from '@electric-sql/pglite';

/** Shared buffers of an embedded database (PostgreSQL's default, which PGlite keeps, is 128 MB). */
export const PGLITE_SHARED_BUFFERS = '32MB';

/**
 * The PostgreSQL start parameters of Darcha's embedded databases: PGlite's own, with 32 MB of shared
 * buffers. PGlite sets up the whole buffer pool in its WebAssembly memory when it starts, so the
 * default 128 MB cost about half a second of every start and 110 MB of resident memory (measured
 * on the demo's data directory: 1.1-1.2 s and 171-177 MB against 1.6-1.8 s and 283-294 MB). An
 * embedded database is the demo's or a small installation's: the demo's whole directory is 42 MB,
 * and pages beyond the buffers are read from the directory's files.
 */
export function pgliteStartParams(): string[] {
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];
}
