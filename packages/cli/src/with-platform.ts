import { createLogger, loadConfig, openPlatform, type Platform } from '@darcha/core';

export interface GlobalOptions {
  config?: string;
}

/**
 * Opens the platform for one command and always closes it (releasing the PGlite lock), whatever the
 * command does. Logs go to stderr at `warn` so that stdout carries only the command's output.
 */
export async function withPlatform<T>(
  options: GlobalOptions,
  work: (platform: Platform) => Promise<T>,
  openOptions: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig(options.config ? { file: options.config } : {});
  const logger = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    destination: process.stderr,
  });
  const platform = await openPlatform({ config, logger, migrate: openOptions.migrate ?? true });
  // Ctrl-C mid-command still closes the database and releases the embedded database's lock.
  const interrupt = (signal: NodeJS.Signals): void => {
    void platform.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    return await work(platform);
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    await platform.close();
  }
}
