import 'reflect-metadata';
import { ensureBigDatabases } from './big-db/cache';
import { round, type Figure } from './lib/figures';
import { prepareBotHome, startRealBot, type RunningBot } from './lib/real-bot';
import { sleep } from './lib/timing';

const IDLE_MS = 5_000;
const MAX_SETTLE_MS = 180_000;

/**
 * Resident memory (VmRSS) of `etbot start` on the big SQLite database once it is idle: after
 * "ready", the start-up's background work (e.g. the rating plugin rating every match from scratch)
 * runs first; the bot counts as idle once it used under 2% CPU for 3 s, then RSS is read 5 s later.
 */
export async function benchMemory(rounds = Number(process.env.ETBOT_BENCH_ROUNDS ?? 100_000)): Promise<Figure[]> {
  const { sqlitePath } = await ensureBigDatabases({ rounds, log: (l) => console.error(l) });
  const home = prepareBotHome(sqlitePath);
  // A first start creates the plugins' tables and rates every match; the figure is a restart.
  const first = await startRealBot(home);
  await waitUntilIdle(first).finally(() => first.stop());
  const bot = await startRealBot(home);
  try {
    const atReady = bot.rssMb();
    const settleMs = await waitUntilIdle(bot);
    await sleep(IDLE_MS);
    const idle = bot.rssMb();
    const size = `${rounds / 1000}k-round SQLite`;
    return [
      {
        name: `etbot start: resident memory when idle, restart on its own database (${size})`,
        value: round(idle, 0),
        unit: 'MB',
        target: { op: '<=', value: 200 },
        note: `at ready ${round(atReady, 0)} MB; background work after ready ${round(settleMs / 1000, 1)} s; peak ${round(bot.peakRssMb(), 0)} MB`,
      },
      { name: `etbot start: peak resident memory of that restart (${size})`, value: round(bot.peakRssMb(), 0), unit: 'MB' },
    ];
  } finally {
    await bot.stop();
    home.remove();
  }
}

async function waitUntilIdle(bot: RunningBot): Promise<number> {
  const start = Date.now();
  let quietSeconds = 0;
  let cpu = bot.cpuSeconds();
  while (quietSeconds < 3 && Date.now() - start < MAX_SETTLE_MS) {
    await sleep(1000);
    const now = bot.cpuSeconds();
    quietSeconds = now - cpu < 0.02 ? quietSeconds + 1 : 0;
    cpu = now;
  }
  return Date.now() - start - 3000;
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
