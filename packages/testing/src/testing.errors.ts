import { DarchaError, type PluginReportEntry } from '@darcha/core';

/** The coded errors of `@darcha/testing`; each says what to change in the test. */
export const testingErrors = {
  optionsInvalid(problems: string[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_TESTING_OPTIONS_INVALID',
      kind: 'invalid',
      message: `startTestHost() was called with invalid options:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      hint: 'Pass plugins made by definePlugin(), and tenants as ids or CreateTenantInput objects with unique ids.',
      details: { problems },
    });
  },

  pluginsFailed(report: readonly PluginReportEntry[]): DarchaError {
    const failed = report.filter((entry) => entry.status === 'failed');
    return new DarchaError({
      code: 'DARCHA_TESTING_PLUGIN_FAILED',
      kind: 'internal',
      message: `${failed.length === 1 ? 'A plugin' : `${failed.length} plugins`} failed to start in the test host. Startup report:\n${formatReport(report)}`,
      hint: "Fix the plugin's error shown above, or pass allowFailures: true to startTestHost() to assert on host.report.",
      details: { report: report.map((entry) => ({ ...entry })) },
    });
  },
};

/** The startup report as indented lines: `agency-gas@1.0.0 failed DARCHA_...: message`. */
export function formatReport(report: readonly PluginReportEntry[]): string {
  return report
    .map((entry) => {
      const head = `  ${entry.id}@${entry.version} ${entry.status}`;
      if (!entry.error) return head;
      const [first = '', ...rest] = entry.error.message.split('\n');
      return [`${head} ${entry.error.code}: ${first}`, ...rest.map((line) => `    ${line}`)].join('\n');
    })
    .join('\n');
}
