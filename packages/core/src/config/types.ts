/** Log levels pino understands, from the most to the least verbose. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/**
 * The platform's instance configuration, read from `darcha.config.json` and the environment.
 * See `docs/reference/configuration.md` for every key.
 */
export interface DarchaConfig {
  /** HTTP port of the server (`npm start`). Env `PORT`. */
  port: number;
  /** Interface the server binds to. Env `HOST`. */
  host: string;
  /** Env `LOG_LEVEL`. */
  logLevel: LogLevel;
  database: DatabaseConfig;
  tenancy: TenancyConfig;
  plugins: PluginsConfig;
  files: FilesConfig;
  jobs: JobsConfig;
  /**
   * Create the demo tenants (Uzbekistan, its regions, and the cities Chirchik, Djizak and Namangan)
   * when they are missing. Defaults to true on the embedded database and false on PostgreSQL.
   * Env `DARCHA_DEMO` (`true` / `false`).
   */
  demo: boolean;
}

export interface DatabaseConfig {
  /**
   * `postgres://...` to run on PostgreSQL 15+; absent to run on the embedded PGlite database.
   * Env `DATABASE_URL`.
   */
  url?: string;
  /** PGlite data directory, used only without `url`. Env `DARCHA_DATA_DIR`. */
  dataDir: string;
  pool: {
    /** Most connections to PostgreSQL at once (PGlite always uses one). Env `DARCHA_DB_POOL_MAX`. */
    max: number;
  };
}

export interface TenancyConfig {
  /**
   * Host names under this domain resolve to the tenant named by their first label:
   * with `darcha.example`, `chirchik.darcha.example` is the tenant `chirchik`. Env `DARCHA_BASE_DOMAIN`.
   */
  baseDomain?: string;
}

export interface PluginsConfig {
  /** Plugin packages to load, by npm package name. */
  packages: string[];
  /** Also load every workspace package whose package.json has a `darcha` field. */
  discoverWorkspaces: boolean;
  /** `continue` (default): serve without a plugin that fails to start; `abort`: refuse to start. */
  failurePolicy: 'abort' | 'continue';
  /** Each plugin's instance config, by plugin id, validated against its configSchema. */
  config: Record<string, Record<string, unknown>>;
}

export interface FilesConfig {
  /** Where attachment bytes are kept, content-addressed by sha256. Env `DARCHA_FILES_DIR`. */
  dir: string;
}

export interface JobsConfig {
  /**
   * Run the timer scheduler and the outbox dispatcher in this process (default true). Every process
   * may run them: work is claimed with `FOR UPDATE SKIP LOCKED`. Env `DARCHA_JOBS`.
   */
  enabled: boolean;
  /** Pause between polls when nothing was due, in ms (default 1000). */
  pollIntervalMs: number;
}
