/**
 * Child process for the concurrency test: imports a folder into a database and prints a JSON
 * summary on stdout. Usage: node import-worker.js <database-url> <folder>
 */
import 'reflect-metadata';
import os from 'node:os';
import { openDatabase } from '../../core/data';
import { Importer } from '../../core/ingest/importer';
import { importPaths } from '../../core/ingest/import-paths';

async function main(): Promise<void> {
  const [url, folder] = process.argv.slice(2);
  if (!url || !folder) throw new Error('usage: import-worker <database-url> <folder>');
  const db = await openDatabase({ url, dataDir: os.tmpdir() });
  try {
    const summary = await importPaths(new Importer(db), [folder], { source: `worker-${process.pid}` });
    process.stdout.write(JSON.stringify(summary));
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
