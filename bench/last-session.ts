import 'reflect-metadata';
import type { QueryCache } from '../core/cache/query-cache';
import { CacheServices } from '../core/cache/tokens';
import type { ChartService } from '../core/charts/chart-service';
import { ChartServices } from '../core/charts/tokens';
import type { Caller } from '../core/plugin-api';
import { startSummaryBot } from '../test/last-session/fixture-app';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: number;
}

const RUNS = 21;
const WARMUP = 3;
const PLAYERS = 12;
const MAPS = 8;
const MAP_NAMES = ['supply', 'etl_adlernest', 'te_escape2', 'sw_goldrush_te', 'erdenberg_t2', 'et_brewdog', 'etl_sp_delivery', 'radar'];

/**
 * `!last_session` on a 12-player, 8-map session in SQLite: reply time cached and uncached
 * (query cache and chart cache emptied before each uncached run), and the six-graph image alone.
 */
export async function benchLastSession(): Promise<BenchResult[]> {
  const bot = await startSummaryBot('sqlite');
  try {
    for (const file of sessionFiles()) {
      const outcome = await bot.importer.importContent(file.name, file.content, { source: 'bench' });
      if (outcome.status !== 'imported') throw new Error(`${file.name}: ${outcome.status} ${outcome.reason ?? ''}`);
    }
    const report = (await bot.summary.last())!;
    if (report.players.length !== PLAYERS || report.mapCount !== MAPS) {
      throw new Error(`bench session has ${report.players.length} players and ${report.mapCount} maps`);
    }
    const cache = bot.app.container.resolve<QueryCache>(CacheServices.QueryCache.id);
    const charts = bot.app.container.resolve<ChartService>(ChartServices.Charts.id);
    const caller: Caller = { id: '1', name: 'bench', roleIds: [], isAdmin: false };
    const lastSession = async () => {
      const reply = await bot.app.runner.runLine('!last_session', { caller, transport: 'discord' });
      if (!reply?.files?.length) throw new Error('!last_session gave no image');
    };
    const uncached = await timings(async () => {
      cache.invalidate();
      charts.invalidate();
      await lastSession();
    });
    const cached = await timings(lastSession);
    const dataOnly = await timings(async () => {
      cache.invalidate();
      await bot.app.runner.runLine('!last_session maps', { caller, transport: 'discord' });
    });
    const image = await timings(async () => {
      charts.invalidate();
      await bot.summary.renderReportImage(report);
    });
    return [
      { name: '!last_session uncached p50 (12 players, 8 maps, SQLite)', value: round(uncached.p50), unit: 'ms' },
      { name: '!last_session uncached p95', value: round(uncached.p95), unit: 'ms' },
      { name: '!last_session cached p50', value: round(cached.p50), unit: 'ms' },
      { name: '!last_session cached p95', value: round(cached.p95), unit: 'ms' },
      { name: 'session summary queries, uncached (!last_session maps) p50', value: round(dataOnly.p50), unit: 'ms' },
      { name: 'six-graph image, 12 players, 8 maps p50', value: round(image.p50), unit: 'ms', target: 400 },
      { name: 'six-graph image, 12 players, 8 maps p95', value: round(image.p95), unit: 'ms', target: 400 },
    ];
  } finally {
    await bot.stop();
  }
}

async function timings(run: () => Promise<void>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

// ---------------------------------------------------------------------------------------------
// A 12-player, 8-map evening written in the 38-field format (spec §2, §3), R2 cumulative.

interface Counters {
  weapons: number[][]; // [weapon] -> hits, shots, kills, deaths, headshots
  damageGiven: number;
  damageReceived: number;
  gibs: number;
  tenths: number;
}

function sessionFiles(): { name: string; content: string }[] {
  let seed = 20251123;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const guids = Array.from({ length: PLAYERS }, (_, i) => (0xa0000000 + i * 0x1111).toString(16).toUpperCase().slice(0, 8));
  const names = guids.map((_, i) => `^${i % 10}bench^7player${i + 1}`);
  const weaponsUsed = [3, 4, 5, 11, 20, 22, 23];
  const files: { name: string; content: string }[] = [];
  let minute = 20 * 60;
  for (let m = 0; m < MAPS; m++) {
    const map = MAP_NAMES[m]!;
    let r1: Counters[] = [];
    for (const round of [1, 2] as const) {
      minute += 10;
      const stamp = `2025-11-23-${String(Math.floor(minute / 60)).padStart(2, '0')}${String(minute % 60).padStart(2, '0')}00`;
      const winner = rnd(2) + 1;
      const header = `^1bench ^7server\\${map}\\legacy6\\${round}\\1\\${winner}\\10:00\\${round === 1 ? '7:30' : '10:00'}\\540000\n`;
      const lines: string[] = [];
      const now: Counters[] = [];
      for (let p = 0; p < PLAYERS; p++) {
        const base = round === 2 ? r1[p]! : { weapons: weaponsUsed.map(() => [0, 0, 0, 0, 0]), damageGiven: 0, damageReceived: 0, gibs: 0, tenths: 0 };
        const c: Counters = {
          weapons: base.weapons.map((w) => {
            const shots = 20 + rnd(80);
            const hits = Math.floor(shots * (0.15 + rnd(30) / 100));
            return [w[0]! + hits, w[1]! + shots, w[2]! + rnd(4), w[3]! + rnd(3), w[4]! + rnd(Math.max(1, Math.floor(hits / 4)))];
          }),
          damageGiven: base.damageGiven + 800 + rnd(2500),
          damageReceived: base.damageReceived + 800 + rnd(2000),
          gibs: base.gibs + rnd(4),
          tenths: base.tenths + 85 + rnd(10),
        };
        now.push(c);
        const team = (p % 2 === 0) === (round === 1) ? 1 : 2;
        const mask = weaponsUsed.reduce((s, w) => s + 2 ** w, 0);
        const weaponText = c.weapons.map((w) => ` ${w.join(' ')}`).join('');
        const fields = [
          c.damageGiven,
          c.damageReceived,
          0,
          0,
          c.gibs,
          0,
          0,
          0,
          '80.0',
          40 + rnd(40),
          rnd(5),
          rnd(4),
          rnd(6),
          rnd(3),
          rnd(5),
          rnd(2),
          rnd(2),
          rnd(2),
          rnd(2),
          rnd(6),
          0,
          '0.0',
          (c.tenths / 10).toFixed(1),
          '0.0',
          '20.0',
          (1 + rnd(30) / 10).toFixed(1),
          '1.0',
          rnd(8),
          rnd(60),
          rnd(3),
          rnd(2),
          0,
          0,
          0,
          rnd(2),
          0,
          rnd(2),
          rnd(5),
        ];
        lines.push(`${guids[p]}\\${names[p]}\\0\\${team}\\${mask}${weaponText} \t${fields.join('\t')}\n`);
      }
      if (round === 1) r1 = now;
      files.push({ name: `${stamp}-${map}-round-${round}.txt`, content: header + lines.join('') });
    }
  }
  return files;
}

if (require.main === module) {
  benchLastSession().then(
    (results) => {
      for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit}${r.target !== undefined ? ` (target <= ${r.target})` : ''}`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
