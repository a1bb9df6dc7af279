import 'reflect-metadata';
import { ensureBigDatabases } from './big-db/cache';
import { round, type Figure } from './lib/figures';
import { prepareBotHome, startRealBot } from './lib/real-bot';
import { median } from './lib/timing';

const RUNS = 3;

/** `etbot start` from spawn to "etbot ready" on the big SQLite database: restarts on one copy (median of RUNS, after one warm-up start). */
export async function benchStartup(rounds = Number(process.env.ETBOT_BENCH_ROUNDS ?? 100_000)): Promise<Figure[]> {
  const { sqlitePath } = await ensureBigDatabases({ rounds, log: (l) => console.error(l) });
  const spawnToReady: number[] = [];
  const selfReported: number[] = [];
  const home = prepareBotHome(sqlitePath);
  try {
    for (let i = 0; i <= RUNS; i++) {
      const bot = await startRealBot(home);
      await bot.stop();
      if (i === 0) continue; // warm-up: the first start creates the plugins' tables in the copy
      spawnToReady.push(bot.readyMs);
      selfReported.push(bot.selfReportedMs);
    }
  } finally {
    home.remove();
  }
  const size = `${rounds / 1000}k-round SQLite`;
  return [
    {
      name: `etbot start: spawn -> "etbot ready" (${size}, no Discord token)`,
      value: round(median(spawnToReady), 0),
      unit: 'ms',
      note: `median of ${RUNS}; runs ${spawnToReady.map((t) => Math.round(t)).join(', ')} ms`,
    },
    {
      name: `etbot start: "ready in N ms" the bot logs (${size})`,
      value: round(median(selfReported), 0),
      unit: 'ms',
      note: 'from its own start, without Node start-up and module loading',
    },
  ];
}

if (require.main === module) {
  benchStartup().then(
    (figures) => {
      for (const f of figures) console.log(`${f.name}: ${f.value} ${f.unit}${f.note ? ` (${f.note})` : ''}`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
