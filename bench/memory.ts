import 'reflect-metadata';
import { ensureBigDatabases } from './big-db/cache';
import { round, type Figure } from './lib/figures';
import { startRealBot } from './lib/real-bot';
import { sleep } from './lib/timing';

const IDLE_MS = 5_000;

/** Resident memory (VmRSS) of `etbot start` on the big SQLite database, ready and idle for 5 s. */
export async function benchMemory(rounds = Number(process.env.ETBOT_BENCH_ROUNDS ?? 100_000)): Promise<Figure[]> {
  const { sqlitePath } = await ensureBigDatabases({ rounds, log: (l) => console.error(l) });
  const bot = await startRealBot(sqlitePath);
  try {
    const atReady = bot.rssMb();
    await sleep(IDLE_MS);
    const idle = bot.rssMb();
    const size = `${rounds / 1000}k-round SQLite`;
    return [
      { name: `etbot start: resident memory idle ${IDLE_MS / 1000} s after ready (${size})`, value: round(idle, 0), unit: 'MB', target: { op: '<=', value: 200 }, note: `at ready ${round(atReady, 0)} MB` },
    ];
  } finally {
    await bot.stop();
  }
}

if (require.main === module) {
  benchMemory().then(
    (figures) => {
      for (const f of figures) console.log(`${f.name}: ${f.value} ${f.unit}${f.note ? ` (${f.note})` : ''}`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
