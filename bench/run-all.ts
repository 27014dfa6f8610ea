import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Runs every benchmark in bench/ (files named *.bench.ts), one process each. */
const directory = __dirname;
const benchmarks = fs.readdirSync(directory).filter((file) => file.endsWith('.bench.ts')).sort();
let failed = false;
for (const file of benchmarks) {
  process.stdout.write(`\n# ${file}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(directory, file)], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
