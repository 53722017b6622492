/**
 * `npm run bench`: every benchmark in one run, printed as a table and written to bench-results.json.
 * Speed is compared as ratios within one run on one machine, never as timed tests.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchBusinessTime } from './business-time.ts';
import { benchEvaluation } from './evaluation.ts';
import { benchOverlay } from './overlay.ts';
import type { BenchRow } from './workload.ts';

const suites: Record<string, (log: (line: string) => void) => BenchRow[] | Promise<BenchRow[]>> = {
  'business-time': benchBusinessTime,
  evaluation: benchEvaluation,
  overlay: benchOverlay,
};

const only = process.argv[2];
const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (only && name !== only) continue;
  rows.push(...(await run((line) => console.log(line))));
}
console.table(
  rows.map((row) => ({
    suite: row.suite,
    case: row.case,
    'ops/s': Math.round(row.opsPerSec).toLocaleString('en'),
    peer: row.peer ?? '',
    'peer ops/s': row.peerOpsPerSec === null ? '' : Math.round(row.peerOpsPerSec).toLocaleString('en'),
    ratio: row.peerOpsPerSec === null ? '' : `${Math.round(row.opsPerSec / row.peerOpsPerSec).toLocaleString('en')}×`,
  })),
);
console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
writeFileSync('bench-results.json', `${JSON.stringify(rows, null, 2)}\n`);
console.log('wrote bench-results.json');
