// `npm run bench`: Darcha measured against PostgreSQL's own limit on this machine. See
// docs/reference/performance.md for the method; the figures go to test/bench/results/.
import os from 'node:os';
import gasPack from '@darcha/plugin-agency-gas';
import { barePhase } from './bare/bare-phase.js';
import { benchSettings, type Phase } from './bench-settings.js';
import type { CitySpec } from './darcha/bench-city.js';
import { buildServer } from './darcha/build-server.js';
import { darchaPhase } from './darcha/darcha-phase.js';
import { scratchPlatform } from './darcha/scratch-platform.js';
import { serviceShapes } from './data/service-shapes.js';
import { embeddedPhase } from './embedded/embedded-phase.js';
import { limitPhase } from './limit/limit-phase.js';
import type { ScratchDatabase } from './postgres/scratch-database.js';
import type { BenchFigures } from './report/figures.js';
import { progressLog } from './report/log.js';
import { machineInfo } from './report/machine-info.js';
import { darchaRows, markdownTable, referenceRows } from './report/results-table.js';
import { writeResults } from './report/write-results.js';
import { checkRequirements } from './requirements.js';
import { scaleCities } from './scale/scale-cities.js';
import { scalePhase } from './scale/scale-phase.js';

/** The city of the throughput measurements (pgbench, bare stacks, Darcha) and of the embedded ones. */
const CITY: CitySpec = { id: 'chirchik', name: 'Chirchiq', trackingPrefix: 'CHR' };

const requirements = checkRequirements();
if (Array.isArray(requirements)) {
  console.error(`npm run bench needs:\n  ${requirements.join('\n  ')}`);
  process.exit(2);
}
const { databaseUrl, loadTool } = requirements;
const settings = benchSettings();
const log = progressLog();
const started = performance.now();
const has = (phase: Phase) => settings.phases.includes(phase);
const figures: BenchFigures = {
  date: localDate(new Date()),
  quick: settings.quick,
  phases: [...settings.phases],
  machine: await machineInfo(databaseUrl, loadTool),
};
const services = serviceShapes(gasPack);
const scratch: ScratchDatabase[] = [];
process.once('SIGINT', () => {
  void Promise.allSettled(scratch.map((db) => db.drop())).then(() => process.exit(130));
});
log(`phases: ${settings.phases.join(', ')}${settings.quick ? ' (quick: the figures mean nothing)' : ''}`);

try {
  if (has('darcha') || has('scale') || has('embedded')) buildServer(log);
  if (has('limit') || has('bare') || has('darcha')) {
    const throughput = await scratchPlatform(databaseUrl, 'throughput', [CITY], [CITY.id]);
    scratch.push(throughput.db);
    const url = throughput.db.url;
    const credentials = throughput.credentials.get(CITY.id)!;
    log(`scratch database ${throughput.db.name} migrated, ${CITY.id} set up`);
    if (has('limit')) figures.limit = await limitPhase(url, CITY.id, settings, log);
    if (has('bare')) figures.bare = await barePhase(url, CITY.id, settings, loadTool, log);
    if (has('darcha'))
      figures.darcha = await darchaPhase(url, { ...credentials, ...CITY }, services, settings, loadTool, log);
    await throughput.db.drop();
  }
  if (has('scale')) {
    const cities = scaleCities(settings);
    const all = [cities.measured, cities.reported, ...cities.others];
    const scale = await scratchPlatform(databaseUrl, 'scale', all, [cities.measured.id, cities.reported.id]);
    scratch.push(scale.db);
    log(`scratch database ${scale.db.name} migrated, ${all.length} cities set up`);
    const credentials = {
      measured: scale.credentials.get(cities.measured.id)!,
      reported: scale.credentials.get(cities.reported.id)!,
    };
    figures.scale = await scalePhase(scale.db.url, cities, credentials, services, settings, log);
    await scale.db.drop();
  }
  if (has('embedded')) figures.embedded = await embeddedPhase(CITY, settings, loadTool, log);
} finally {
  await Promise.allSettled(scratch.map((db) => db.drop()));
}

figures.machine.loadAverage.end = os.loadavg()[0]!;
figures.runSeconds = Math.round((performance.now() - started) / 1000);
figures.table = { reference: referenceRows(figures), darcha: darchaRows(figures) };
const m = figures.machine;
console.log(`\nDarcha benchmark ${figures.date}: ${m.cpus} x ${m.cpuModel}, ${m.memoryGb} GB, ${m.os}`);
console.log(
  `${m.postgres.split(' on ')[0]}, Node ${m.node}, load from ${m.loadTool}, ${figures.runSeconds} s\n`,
);
if (figures.table.reference.length > 0) console.log(`${markdownTable(figures.table.reference, false)}\n`);
console.log(markdownTable(figures.table.darcha, true));
console.log(`\nwritten to ${await writeResults(figures)}`);
process.exit(0);

function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
