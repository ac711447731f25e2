/** What every bench module gets, and what it hands back: tables that run.ts prints. */
export type BenchContext = {
  /** The project root (where package.json is). */
  root: string;
  /** The path of the large-story database, generated on first use if missing or stale. */
  largeStoryDb: () => Promise<string>;
};

export type BenchTable = {
  title: string;
  columns: string[];
  rows: string[][];
  /** Lines printed under the table. */
  notes?: string[];
  /** A budget or check failed: the run exits non-zero after printing everything. */
  failed?: boolean;
};

export type BenchModule = {
  name: string;
  run: (context: BenchContext) => Promise<BenchTable[]>;
};
