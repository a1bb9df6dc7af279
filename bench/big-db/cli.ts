import 'reflect-metadata';
import { ensureBigDatabases } from './cache';

/** `node dist/bench/big-db/cli.js [rounds] [postgres admin url]`: builds (or finds) the cached big databases. */
async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 100_000);
  const postgresAdminUrl = process.argv[3] ?? process.env.DATABASE_URL;
  const handles = await ensureBigDatabases({ rounds, postgresAdminUrl, log: (l) => console.log(l) });
  console.log(JSON.stringify(handles));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
