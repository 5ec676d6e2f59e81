import type { OutboxBacklog } from '../darcha/outbox-backlog.js';
import type { RequestProfile } from '../darcha/statement-probe.js';
import type { LoadResult } from '../load/load-types.js';
import type { Latency } from '../load/sequential-requests.js';
import type { BenchFigures, TableRow } from './figures.js';
import { ratio } from './stats.js';

const CONCURRENCY = 16;

const perSecond = (n: number | undefined) =>
  n === undefined ? '—' : `${Math.round(n).toLocaleString('en')}/s`;
const ms = (n: number | undefined) =>
  n === undefined ? '—' : n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`;
const cpuMs = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(2)} ms`);
const times = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(2)}`);
const atLeast = (n: number | undefined, target: number) => (n === undefined ? undefined : n >= target);
const atMost = (n: number | undefined, target: number) => (n === undefined ? undefined : n <= target);

function load(result: LoadResult | undefined): string {
  if (!result) return '—';
  const failed = result.failed > 0 ? `, ${result.failed} failed` : '';
  return `${perSecond(result.perSecond)} (p50 ${ms(result.p50Ms)}, p99 ${ms(result.p99Ms)}${failed})`;
}

/** The references: the database's limit and the bare stacks. */
export function referenceRows(f: BenchFigures): TableRow[] {
  const rows: TableRow[] = [];
  for (const [script, results] of [
    ['A (insert inquiry + history)', f.limit?.a],
    ['B (versioned update + history)', f.limit?.b],
  ] as const) {
    for (const [clients, r] of Object.entries(results ?? {}))
      rows.push({
        figure: `pgbench ${script}, ${clients} client${clients === '1' ? '' : 's'}`,
        value: `${perSecond(r.tps)} (avg ${ms(r.latencyMs)})`,
      });
  }
  const limitB = f.limit?.b[CONCURRENCY]?.tps;
  if (f.bare) {
    for (const [name, r] of [
      ['bare express + pg, naive (4 round trips)', f.bare.naive],
      ['bare express + pg, tuned (1 statement)', f.bare.tuned],
    ] as const)
      rows.push({ figure: name, value: load(r), ratio: `${times(ratio(r.perSecond, limitB))} of pgbench B` });
  }
  return rows;
}

/** Darcha's figures, each next to its ratio and the target. */
export function darchaRows(f: BenchFigures): TableRow[] {
  const d = f.darcha;
  const filingRatio = ratio(d?.filing.perSecond, f.limit?.a[CONCURRENCY]?.tps);
  const transitionRatio = ratio(d?.transition.perSecond, f.limit?.b[CONCURRENCY]?.tps);
  const naiveRatio = ratio(d?.transition.perSecond, f.bare?.naive.perSecond);
  const tunedRatio = ratio(d?.transition.perSecond, f.bare?.tuned.perSecond);
  const s = f.scale;
  const inboxRatio = ratio(s?.among.inbox.p95Ms, s?.alone.inbox.p95Ms);
  const searchRatio = ratio(s?.among.search.p95Ms, s?.alone.search.p95Ms);
  const e = f.embedded;
  const rows: TableRow[] = [
    {
      figure: 'filing, 16 connections',
      value: load(d?.filing),
      ratio: `${times(filingRatio)} of pgbench A`,
      target: '>= 0.3',
      met: atLeast(filingRatio, 0.3),
    },
    {
      figure: 'transition, 16 connections',
      value: load(d?.transition),
      ratio: `${times(transitionRatio)} of pgbench B`,
      target: '>= 0.4',
      met: atLeast(transitionRatio, 0.4),
    },
    {
      figure: 'transition / bare naive',
      value: perSecond(d?.transition.perSecond),
      ratio: times(naiveRatio),
      target: '>= 1.0',
      met: atLeast(naiveRatio, 1),
    },
    {
      figure: 'transition / bare tuned',
      value: perSecond(d?.transition.perSecond),
      ratio: times(tunedRatio),
      target: '>= 0.8',
      met: atLeast(tunedRatio, 0.8),
    },
    {
      figure: 'filing p95, 16 connections',
      value: ms(d?.filing.p95Ms),
      target: '<= 50 ms',
      met: atMost(d?.filing.p95Ms, 50),
    },
    {
      figure: 'transition p95, 16 connections',
      value: ms(d?.transition.p95Ms),
      target: '<= 50 ms',
      met: atMost(d?.transition.p95Ms, 50),
    },
    {
      figure: 'server RSS under that load',
      value: d ? `${Math.round(d.rssMb)} MB` : '—',
      target: '<= 300 MB',
      met: atMost(d?.rssMb, 300),
    },
    {
      figure: 'server CPU per filing / per transition',
      value: `${cpuMs(d?.filing.cpu?.serverMs)} / ${cpuMs(d?.transition.cpu?.serverMs)}`,
      ratio: `${times(ratio(d?.transition.cpu?.serverMs, f.bare?.tuned.cpu?.serverMs))} x bare tuned (${cpuMs(f.bare?.tuned.cpu?.serverMs)})`,
    },
    {
      figure: 'PostgreSQL CPU per filing / per transition',
      value: `${cpuMs(d?.filing.cpu?.postgresMs)} / ${cpuMs(d?.transition.cpu?.postgresMs)}`,
      ratio: `${times(ratio(d?.transition.cpu?.postgresMs, f.bare?.tuned.cpu?.postgresMs))} x bare tuned (${cpuMs(f.bare?.tuned.cpu?.postgresMs)})`,
    },
    {
      figure: 'outbox behind at the end of the filing load',
      value: backlog(d?.outbox?.filing),
    },
    {
      figure: 'outbox behind at the end of the transition load',
      value: backlog(d?.outbox?.transition),
    },
    {
      figure: 'round trips (statements) per filing, one at a time',
      value: d ? trips(d.profile.filing) : '—',
      target: '1-2 round trips',
      met: atMost(d?.profile.filing.roundTrips ?? d?.profile.filing.statements, 2),
    },
    {
      figure: 'round trips (statements) per transition, one at a time',
      value: d ? trips(d.profile.transition) : '—',
      target: '1-2 round trips',
      met: atMost(d?.profile.transition.roundTrips ?? d?.profile.transition.statements, 2),
    },
    { figure: `inbox p95, one city alone (${count(s?.cityInquiries)})`, value: p95(s?.alone.inbox) },
    {
      figure: `inbox p95, among ${count(s?.totalInquiries)} in ${s?.cities ?? '—'} cities`,
      value: p95(s?.among.inbox),
      ratio: `${times(inboxRatio)} x alone`,
      target: '<= 50 ms and <= 1.3 x',
      met: s && inboxRatio !== undefined ? s.among.inbox.p95Ms <= 50 && inboxRatio <= 1.3 : undefined,
    },
    { figure: `search p95, one city alone`, value: p95(s?.alone.search) },
    {
      figure: `search p95, among ${count(s?.totalInquiries)}`,
      value: p95(s?.among.search),
      ratio: `${times(searchRatio)} x alone`,
    },
    {
      figure: `month's report, city of ${count(s?.report.cityInquiries)}`,
      value: s ? `${ms(s.report.p50Ms)} (max ${ms(s.report.maxMs)})` : '—',
      target: '<= 500 ms',
      met: atMost(s?.report.p50Ms, 500),
    },
    {
      figure: 'PGlite filing, 16 connections',
      value: load(e?.filing),
      ratio: `${times(ratio(e?.filing.perSecond, d?.filing.perSecond))} of PostgreSQL`,
    },
    {
      figure: 'PGlite server RSS under that load',
      value: e ? `${Math.round(e.rssMb)} MB` : '—',
      target: '<= 300 MB',
      met: atMost(e?.rssMb, 300),
    },
    {
      figure: 'cold start on an existing PGlite directory (built)',
      value: e ? `${(e.coldStartMs / 1000).toFixed(2)} s` : '—',
      target: '<= 3 s',
      met: atMost(e?.coldStartMs, 3000),
    },
    {
      figure: 'the same from the sources (tsx, as npm start)',
      value: e?.sourceColdStartMs === undefined ? '—' : `${(e.sourceColdStartMs / 1000).toFixed(2)} s`,
    },
  ];
  return rows;
}

/** `2.0 (3 statements), p50 x` of a one-at-a-time profile (older results counted statements only). */
function trips(p: RequestProfile): string {
  const statements = `${p.statements.toFixed(1)} statements`;
  const head = p.roundTrips === undefined ? statements : `${p.roundTrips.toFixed(1)} (${statements})`;
  return `${head}, p50 ${ms(p.p50Ms)}`;
}

/** `p95 (p50 x)` of a probe. */
function p95(l: Latency | undefined): string {
  return l ? `${ms(l.p95Ms)} (p50 ${ms(l.p50Ms)})` : '—';
}

function count(n: number | undefined): string {
  return n === undefined ? '—' : n.toLocaleString('en');
}

/** A markdown table of the rows (what the terminal shows and the performance page quotes). */
export function markdownTable(rows: readonly TableRow[], withTargets: boolean): string {
  const head = withTargets ? ['figure', 'value', 'ratio', 'target', 'met'] : ['figure', 'value', 'ratio'];
  const cells = rows.map((r) => {
    const base = [r.figure, r.value, r.ratio ?? ''];
    return withTargets ? [...base, r.target ?? '', r.met === undefined ? '' : r.met ? 'yes' : 'no'] : base;
  });
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Events still pending of those a load wrote (warm-up included), and the time to deliver them. */
function backlog(b: OutboxBacklog | undefined): string {
  if (!b) return '—';
  const drained =
    b.drainSeconds !== null ? `caught up in ${b.drainSeconds.toFixed(0)} s` : 'not caught up in 3 min';
  return `${b.pendingAtEnd.toLocaleString('en')} of ${b.written.toLocaleString('en')} events, ${drained}`;
}
