import type { PluginReportEntry } from '@darcha/core';

/** The startup report as a table: id, version, kind, status, error code; then each error's message. */
export function formatPluginReport(report: readonly PluginReportEntry[]): string {
  if (report.length === 0) return 'no plugins';
  const header = ['ID', 'VERSION', 'KIND', 'STATUS', 'ERROR'];
  const rows = report.map((entry) => [
    entry.id,
    entry.version,
    entry.kind,
    entry.status,
    entry.error?.code ?? '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const lines = [header, ...rows].map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  const failures = report.filter((entry) => entry.error);
  if (failures.length === 0) return lines.join('\n');
  const messages = failures.map((entry) => `${entry.id}: ${entry.error!.message.split('\n').join('\n  ')}`);
  return [...lines, '', ...messages].join('\n');
}
