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
  http: HttpConfig;
  /** Sign-in and citizens' codes; optional. */
  auth?: AuthConfig;
  /**
   * `npm start` (`@darcha/demo`) creates the demo (Uzbekistan, its regions, the cities Chirchik,
   * Djizak and Namangan with their packs, accounts and history) when it is missing. Defaults to
   * true on the embedded database and false on PostgreSQL.
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
  /**
   * Inquiries whose outbox events the dispatcher delivers at the same time (default 4; each
   * inquiry's events one after another). Env `DARCHA_OUTBOX_CONCURRENCY`.
   */
  outboxConcurrency?: number;
}

export interface HttpConfig {
  /** Largest JSON body accepted: bytes, or a number with `b`, `kb` or `mb` (default `100kb`). Env `DARCHA_HTTP_JSON_LIMIT`. */
  jsonLimit: string;
  /**
   * Which reverse proxies are trusted to tell the client's address and protocol (`X-Forwarded-For`,
   * `X-Forwarded-Proto`): `false` (default, none), a hop count, or addresses and subnets
   * (`"loopback, 10.0.0.0/8"`); express's `trust proxy`. `true` trusts any sender and is unsafe.
   * Env `DARCHA_HTTP_TRUST_PROXY`.
   */
  trustProxy: boolean | number | string;
  /**
   * Send `Strict-Transport-Security` (one year, with subdomains): set it when clients reach Darcha
   * only over HTTPS (default false). Env `DARCHA_HTTP_HSTS`.
   */
  hsts: boolean;
  /**
   * On shutdown, how long open requests may run before their connections are cut, in ms (default
   * 10000). Env `DARCHA_HTTP_SHUTDOWN_TIMEOUT_MS`.
   */
  shutdownTimeoutMs: number;
  /**
   * The address citizens reach this installation at, without a trailing slash
   * (`https://darcha.example.uz`): QR codes on issued documents point to `<publicUrl>/verify/...`.
   * Unset (default), they carry a relative path. Env `DARCHA_PUBLIC_URL`.
   */
  publicUrl?: string;
  rateLimits: {
    /** Failed sign-ins per client address (default 10 in 15 minutes). Env `DARCHA_RATE_LIMIT_SIGN_IN` (limit). */
    signIn: RateLimitConfig;
    /** Anonymous writes per client address (default 30 a minute). Env `DARCHA_RATE_LIMIT_PUBLIC_WRITE` (limit). */
    publicWrite: RateLimitConfig;
  };
}

/** A fixed-window rate limit: at most `limit` requests per `windowMs`, counted per process. */
export interface RateLimitConfig {
  limit: number;
  windowMs: number;
}

export interface AuthConfig {
  /**
   * The platform secret: the HMAC key of the access codes printed on receipts and of phone codes.
   * At least 32 characters; every process of an installation must share it, and changing it
   * changes every receipt's code. Unset: the platform makes one (32 random bytes) on first start
   * and keeps it in the host table `platform_secrets`. Env `DARCHA_SECRET`.
   */
  secret?: string;
}
