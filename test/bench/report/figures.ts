import type { BareFigures } from '../bare/bare-phase.js';
import type { DarchaFigures } from '../darcha/darcha-phase.js';
import type { EmbeddedFigures } from '../embedded/embedded-phase.js';
import type { LimitFigures } from '../limit/limit-phase.js';
import type { ScaleFigures } from '../scale/scale-phase.js';
import type { LoadTool } from '../requirements.js';

/** The machine a run was made on. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  loadTool: LoadTool;
  /** 1-minute load average when the run started and when it ended (other work on the machine). */
  loadAverage: { start: number; end: number };
}

/** Everything one run measured; written as JSON to test/bench/results/. */
export interface BenchFigures {
  date: string;
  quick: boolean;
  phases: string[];
  machine: MachineInfo;
  limit?: LimitFigures;
  bare?: BareFigures;
  darcha?: DarchaFigures;
  scale?: ScaleFigures;
  embedded?: EmbeddedFigures;
  /** The printed tables, row by row. */
  table?: { reference: TableRow[]; darcha: TableRow[] };
  runSeconds?: number;
}

/** A line of the printed table: a figure, its ratio to its reference, and the target. */
export interface TableRow {
  figure: string;
  value: string;
  ratio?: string;
  target?: string;
  /** Whether the target is met; undefined when there is none or a figure is missing. */
  met?: boolean;
}
