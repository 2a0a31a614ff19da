/** The contract between `bench/run.ts` and a benchmark section (`bench/<name>.ts`). */

/** Metrics as rows, variants (and ratios) as columns: figures side by side. */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  /** Each row: the metric's label, then one cell per column. */
  readonly rows: readonly (readonly [string, ...string[]])[];
}

/** One target from the issue, judged against a measured figure. */
export interface Check {
  readonly name: string;
  /** The target as written, e.g. `≥ 20,000/s`. */
  readonly target: string;
  /** The measured figure as printed. */
  readonly measured: string;
  readonly pass: boolean;
}

export interface SectionReport {
  readonly tables: readonly Table[];
  readonly checks: readonly Check[];
  /** Plain lines: conditions, limits hit, caveats. */
  readonly notes: readonly string[];
}

export interface Section {
  /** What the filter argument matches, e.g. `probe-engine`. */
  readonly name: string;
  readonly summary: string;
  /** Runs the section, printing progress lines through `log`, and returns its figures. */
  run(log: (line: string) => void): Promise<SectionReport>;
}
