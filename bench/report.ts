import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

type Targets = Record<string, { text: string; ok: (value: number) => boolean }>;

/** Writes `results` with the machine's description to `file` and prints each figure next to its target. */
export function reportResults(
  file: string,
  results: Record<string, number | string | null>,
  targets: Targets,
  extra: Record<string, unknown> = {},
): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const output = { takenAt: new Date().toISOString(), machine, ...extra, results };
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\nMachine: ${machine}\n`);
  console.log('figure'.padEnd(36), 'value'.padStart(12), '  target');
  for (const [name, value] of Object.entries(results)) {
    const target = targets[name];
    const verdict = target && typeof value === 'number' ? (target.ok(value) ? 'ok' : 'MISSED') : '';
    console.log(name.padEnd(36), String(value).padStart(12), ` ${target?.text ?? ''} ${verdict}`);
  }
  console.log(`\nWrote ${file}`);
}
