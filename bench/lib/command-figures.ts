import { openDatabase } from '../../core/data';
import { num } from '../../core/data/sql';
import { LEADERBOARD_STATS } from '../../core/queries/leaderboard-stats';
import os from 'node:os';
import { round, type Figure } from './figures';
import { startCommandApp } from './command-app';
import { longestBlockMs, measure, type Latency } from './timing';

export interface CommandBenchOptions {
  /** 'SQLite' or 'PostgreSQL'. */
  kind: string;
  url: string;
  /** Label of the database size, e.g. '100k'. */
  size: string;
  /** Every command and stat, cached and uncached; otherwise the growth set (uncached p50 only). */
  full: boolean;
  uncachedRuns: number;
  cachedRuns: number;
}

/**
 * Players the commands ask about: humans spread over the GUID range (one community's players each),
 * and the regulars the big database gives rows all through its history (see source-files.ts),
 * with how many counted rounds each has.
 */
async function samplePlayers(url: string, count: number): Promise<{ typical: string[]; regulars: string[]; regularRounds: number; typicalRounds: number }> {
  const db = await openDatabase({ url, dataDir: os.tmpdir(), migrate: false });
  try {
    return await db.read(async (sql) => {
      const rows = await sql.all('SELECT guid FROM players WHERE is_bot = ? ORDER BY guid', [false]);
      const all = rows.map((r) => String(r.guid));
      const regulars = all.filter((g) => g.startsWith(REGULAR_PREFIX));
      const others = all.filter((g) => !g.startsWith(REGULAR_PREFIX));
      const step = Math.max(1, Math.floor(others.length / count));
      const typical = others.filter((_, i) => i % step === 0).slice(0, count);
      const rounds = async (guid: string | undefined) =>
        guid === undefined ? 0 : num((await sql.one('SELECT COUNT(*) AS n FROM player_rounds WHERE guid = ? AND in_totals = ?', [guid, true]))!.n);
      return { typical, regulars, regularRounds: await rounds(regulars[0]), typicalRounds: await rounds(typical[0]) };
    });
  } finally {
    await db.close();
  }
}

const REGULAR_PREFIX = '0FEED';

/**
 * Reply times of !stats, !top <stat>, !compare and !last_session through the App's command runner
 * on a big database. Uncached: query and chart caches emptied before every sample (the all-time
 * totals the queries module keeps in memory stay, as in the running bot); cached: the same line
 * asked again.
 */
export async function benchCommands(o: CommandBenchOptions): Promise<Figure[]> {
  const players = await samplePlayers(o.url, 40);
  const guids = players.typical;
  if (guids.length < 2 || players.regulars.length === 0) throw new Error(`the ${o.size} ${o.kind} database has too few players`);
  const stats = (i: number) => `!stats ${guids[(i * 7) % guids.length]}`;
  const regularStats = (i: number) => `!stats ${players.regulars[i % players.regulars.length]}`;
  const compare = (i: number) => `!compare ${guids[i % guids.length]} ${guids[(i + 1) % guids.length]}`;
  const figures: Figure[] = [];
  const at = `${o.kind}, ${o.size} rounds`;
  const startedAt = Date.now();
  const bot = await startCommandApp(o.url);
  try {
    // Loads what every reply needs (reply rendering, Discord escaping) so the figures below are
    // the all-time build's own; `!stats` reads SQL until the totals are built and builds nothing.
    await bot.run(stats(0));
    const first = process.hrtime.bigint();
    const firstTopBlockMs = await longestBlockMs(() => bot.run('!top kills'));
    const firstTopMs = Number(process.hrtime.bigint() - first) / 1e6;
    const push = (label: string, l: Latency, target?: number, cachedTarget?: boolean) =>
      figures.push({
        name: `${label} p95 (${at})`,
        value: round(l.p95),
        unit: 'ms',
        target: target === undefined ? undefined : { op: cachedTarget ? '<' : '<=', value: target },
        note: `p50 ${round(l.p50)} ms, ${l.samples} samples`,
      });
    const uncached = (line: (i: number) => string, runs = o.uncachedRuns) => measure(runs, (i) => bot.run(line(i)), { before: () => bot.invalidate() });
    const cached = async (line: (i: number) => string) => {
      for (let i = 0; i < Math.min(guids.length, 20); i++) await bot.run(line(i));
      return measure(o.cachedRuns, (i) => bot.run(line(i % 20)));
    };
    const pg = o.kind === 'PostgreSQL';
    if (!o.full) {
      for (const [label, line] of [
        ['!stats (typical player)', stats],
        ['!stats (regular)', regularStats],
        ['!top kills', () => '!top kills'],
        ['!compare', compare],
        ['!last_session', () => '!last_session'],
      ] as const) {
        const l = await uncached(line);
        figures.push({ name: `growth: ${label} uncached p50 (${at})`, value: round(l.p50), unit: 'ms', note: `p95 ${round(l.p95)} ms` });
      }
      return figures;
    }
    figures.push({ name: `first !top after start (builds the in-memory all-time totals) (${at})`, value: round(firstTopMs), unit: 'ms' });
    // better-sqlite3 runs each statement synchronously: the longest one is what any other command
    // (or Discord's heartbeat) waits at worst while the totals are built or rebuilt in the background.
    figures.push({ name: `longest event-loop block while building them (${at})`, value: round(firstTopBlockMs), unit: 'ms' });
    push(`!stats uncached, typical player (~${players.typicalRounds} rounds)`, await uncached(stats), pg ? 20 : undefined);
    push(`!stats uncached, regular (~${players.regularRounds} rounds)`, await uncached(regularStats), pg ? 20 : undefined);
    push('!stats cached', await cached(stats), 1, true);
    for (const s of LEADERBOARD_STATS) {
      push(`!top ${s.key} uncached`, await uncached(() => `!top ${s.key}`), pg ? 50 : undefined);
    }
    const topLines = (i: number) => `!top ${LEADERBOARD_STATS[i % LEADERBOARD_STATS.length]!.key}`;
    push('!top (every stat) cached', await cached(topLines), 1, true);
    push('!compare (with radar chart) uncached', await uncached(compare));
    push('!compare cached', await cached(compare), 1, true);
    push('!last_session (six-graph image) uncached', await uncached(() => '!last_session', Math.min(o.uncachedRuns, 11)));
    push('!last_session cached', await cached(() => '!last_session'), 1, true);
    figures.push({ name: `command benchmark wall time (${at})`, value: round((Date.now() - startedAt) / 1000, 1), unit: 's' });
    return figures;
  } finally {
    await bot.stop();
  }
}
