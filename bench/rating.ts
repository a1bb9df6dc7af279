import 'reflect-metadata';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../core/data';
import { Importer } from '../core/ingest/importer';
import { classifyFileName } from '../core/parsing';
import { generateFixtures } from '../core/parsing/generator';
import { Rng } from '../core/parsing/generator/rng';
import { MatchResultsService } from '../core/queries/match-results';
import { ratingMigrations } from '../plugins/rating/data/1764300000000-rating';
import { ratingEntities } from '../plugins/rating/data/entities';
import { loadMatchFacts, loadMatchHeaders } from '../plugins/rating/data/match-source';
import { RatingLedger } from '../plugins/rating/model/ledger';
import { mapTeams, type MatchFacts, type MatchPlayerRow } from '../plugins/rating/model/map-teams';
import { DEFAULT_RATING_PARAMS } from '../plugins/rating/model/weng-lin';
import { syncRatings } from '../plugins/rating/rating-sync';

/**
 * How well the rating predicts maps it has not seen. For each data set, in time order: the first
 * 70% of maps only train; for every later map the pre-map ratings predict the winner, then the
 * map is rated (ratings keep learning as they go, as the bot does).
 * - accuracy: share of decisive (2-0) held-back maps whose winner had the higher predicted
 *   chance (an exact 50% counts half). 1-1 draws are left out of both measures and counted.
 * - log loss: mean -ln(predicted chance of the actual winner) over the same maps (coin: 0.693).
 * - side baseline: the team attacking second wins, with the chance seen in training.
 * - K/D baseline: the team with the higher sum of its players' K/D so far (kills+1 / deaths+1 over
 *   earlier maps) wins; its chance is logistic(k x K/D difference), k fitted on the training maps.
 */

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: number;
}

const REAL_DIR = process.env.ETBOT_REAL_STATS ?? '/work/shared/real-stats';
const GENERATED_SEEDS = [11, 12, 13, 14, 15, 16];
const GENERATED_SESSIONS = Number(process.env.ETBOT_BENCH_RATING_SESSIONS ?? 25);
const TRAIN_SHARE = 0.7;

interface Prediction {
  /** Predicted chance that R1's attackers (team A) win. */
  rating: number;
  kdDiff: number;
  /** 1: team A won, 0: team B won. */
  aWon: number;
}

interface Evaluation {
  heldBack: Prediction[];
  training: Prediction[];
  draws: number;
  maps: number;
}

/** Rates `facts` in order, predicting each map after the training share first. */
export function evaluate(facts: readonly MatchFacts[]): Evaluation {
  const ledger = new RatingLedger();
  const kd = new Map<string, { kills: number; deaths: number }>();
  const cut = Math.floor(facts.length * TRAIN_SHARE);
  const out: Evaluation = { heldBack: [], training: [], draws: 0, maps: facts.length };
  facts.forEach((f, i) => {
    const teams = mapTeams(f);
    if (!teams) return;
    const teamKd = (team: typeof teams.a) =>
      team.reduce((sum, p) => {
        const h = kd.get(p.guid) ?? { kills: 0, deaths: 0 };
        return sum + (h.kills + 1) / (h.deaths + 1);
      }, 0);
    const prediction = { rating: ledger.predict(f)!, kdDiff: teamKd(teams.a) - teamKd(teams.b), aWon: teams.outcome === 'A' ? 1 : 0 };
    if (teams.outcome === 'draw') {
      if (i >= cut) out.draws++;
    } else (i >= cut ? out.heldBack : out.training).push(prediction);
    ledger.apply(f);
    for (const p of [...teams.a, ...teams.b]) {
      const h = kd.get(p.guid) ?? { kills: 0, deaths: 0 };
      kd.set(p.guid, { kills: h.kills + p.kills, deaths: h.deaths + p.deaths });
    }
  });
  return out;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function clampP(p: number): number {
  return Math.min(1 - 1e-6, Math.max(1e-6, p));
}

function accuracy(preds: readonly Prediction[], chance: (p: Prediction) => number): number {
  if (preds.length === 0) return NaN;
  let right = 0;
  for (const p of preds) {
    const c = chance(p);
    right += c === 0.5 ? 0.5 : (c > 0.5) === (p.aWon === 1) ? 1 : 0;
  }
  return right / preds.length;
}

function logLoss(preds: readonly Prediction[], chance: (p: Prediction) => number): number {
  if (preds.length === 0) return NaN;
  return preds.reduce((s, p) => s - Math.log(clampP(p.aWon ? chance(p) : 1 - chance(p))), 0) / preds.length;
}

/** k for logistic(k x K/D difference) with the least log loss on the training maps. */
function fitKdScale(training: readonly Prediction[]): number {
  let best = 0;
  let bestLoss = Infinity;
  for (let k = 0; k <= 3; k += 0.01) {
    const loss = logLoss(training, (p) => logistic(k * p.kdDiff));
    if (loss < bestLoss) [best, bestLoss] = [k, loss];
  }
  return best;
}

function report(label: string, evals: readonly Evaluation[], target?: number): BenchResult[] {
  const heldBack = evals.flatMap((e) => e.heldBack);
  const training = evals.flatMap((e) => e.training);
  const k = fitKdScale(training);
  const kdChance = (p: Prediction) => logistic(k * p.kdDiff);
  const ratingChance = (p: Prediction) => p.rating;
  // How often R1's attackers won in training: stopwatch favours the team attacking second.
  const aShare = training.length > 0 ? training.reduce((sum, p) => sum + p.aWon, 0) / training.length : 0.5;
  const sideChance = () => aShare;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  const ratingAccuracy = r(accuracy(heldBack, ratingChance));
  return [
    { name: `rating: ${label}: maps (held back, decisive / draws left out)`, value: heldBack.length, unit: `maps (${evals.reduce((s, e) => s + e.draws, 0)} draws)` },
    target === undefined
      ? { name: `rating: ${label}: winner predicted (rating)`, value: ratingAccuracy, unit: 'share' }
      : { name: `rating: ${label}: winner predicted (rating)`, value: ratingAccuracy, unit: 'share', target },
    { name: `rating: ${label}: winner predicted (K/D baseline)`, value: r(accuracy(heldBack, kdChance)), unit: 'share' },
    { name: `rating: ${label}: winner predicted (side baseline: the team attacking second)`, value: r(accuracy(heldBack, sideChance)), unit: 'share' },
    { name: `rating: ${label}: log loss (rating)`, value: r(logLoss(heldBack, ratingChance)), unit: 'nats' },
    { name: `rating: ${label}: log loss (K/D baseline, k=${k.toFixed(2)})`, value: r(logLoss(heldBack, kdChance)), unit: 'nats' },
    { name: `rating: ${label}: log loss (side baseline, R1 attackers win ${Math.round(aShare * 100)}%)`, value: r(logLoss(heldBack, sideChance)), unit: 'nats' },
  ];
}

/** Imports files into a fresh SQLite database (with the rating tables) and runs `fn` on it. */
async function withImported<T>(files: readonly { name: string; content: Buffer | string }[], fn: (db: Database) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'etbot-bench-rating-'));
  const db = await openDatabase({ url: `sqlite:${path.join(dir, 'bench.sqlite')}`, dataDir: dir, entities: ratingEntities, migrations: ratingMigrations });
  try {
    const importer = new Importer(db);
    for (const f of files) await importer.importContent(f.name, f.content, { source: 'bench' });
    return await fn(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rateable maps of these files, in rating order. */
function factsFromFiles(files: readonly { name: string; content: Buffer | string }[]): Promise<MatchFacts[]> {
  return withImported(files, async (db) => {
    const source = new MatchResultsService(db);
    return loadMatchFacts(source, await loadMatchHeaders(source));
  });
}

/** Median time of a from-scratch recompute (read every map, rate, rewrite the tables) on SQLite. */
async function recomputeTiming(sessions: number): Promise<BenchResult[]> {
  return withImported(generateFixtures({ seed: 21, sessions }).files, async (db) => {
    const times: number[] = [];
    let maps = 0;
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint();
      maps = (await syncRatings(new MatchResultsService(db), db, DEFAULT_RATING_PARAMS, new Set(), true)).maps;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    return [{ name: `rating: full recompute of ${maps} maps on SQLite (median of 5)`, value: Math.round(times[2]!), unit: 'ms', target: 2000 }];
  });
}

/**
 * A league where the winner does depend on skill: 40 players with a hidden skill ~ N(25, 5);
 * each map takes 12 of them into two random 6-player teams, about 1 in 8 players leaves at
 * half time for a substitute; 15% of maps are 1-1; otherwise team A wins with chance
 * logistic((sum of A's skill x time share - B's) / 6). Kills and deaths lean on skill too, so
 * K/D is a fair baseline.
 */
export function latentSkillLeague(seed: number, maps: number): MatchFacts[] {
  const rng = new Rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const skill = Array.from({ length: 40 }, () => 25 + 5 * gauss());
  const poisson = (mean: number) => {
    let k = 0;
    for (let p = Math.exp(-mean), s = p, u = rng.next(); u > s; k++) s += p = (p * mean) / (k + 1);
    return k;
  };
  const facts: MatchFacts[] = [];
  for (let m = 0; m < maps; m++) {
    const pool = Array.from({ length: 40 }, (_, i) => i);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    const rows: MatchPlayerRow[] = [];
    const strength = [0, 0];
    let next = 12;
    for (let slot = 0; slot < 12; slot++) {
      const side = slot < 6 ? 0 : 1;
      const starter = pool[slot]!;
      const leaves = rng.chance(0.125);
      const players = leaves ? [starter, pool[next++]!] : [starter];
      players.forEach((p, k) => {
        const share = leaves ? 0.5 : 1;
        strength[side] += share * skill[p]!;
        const round: 1 | 2 = leaves ? ((k + 1) as 1 | 2) : 1;
        const rounds: (1 | 2)[] = leaves ? [round] : [1, 2];
        for (const r of rounds) {
          // Axis (1) defends; R1 attackers (side 0) are allies in R1 and axis in R2.
          const team = side === 0 ? (r === 1 ? 2 : 1) : r === 1 ? 1 : 2;
          const lean = Math.exp(0.04 * (skill[p]! - 25));
          rows.push({ round: r, guid: `P${String(p).padStart(2, '0')}`, team, tenths: 100, kills: poisson(8 * lean), deaths: poisson(8 / lean) });
        }
      });
    }
    const draw = rng.chance(0.15);
    const aWins = rng.next() < logistic((strength[0]! - strength[1]!) / 6);
    const stamp = new Date(Date.UTC(2025, 0, 1) + m * 3_600_000).toISOString().replace('.000Z', 'Z');
    facts.push({
      matchId: m + 1,
      serverId: 'bench',
      map: 'supply',
      endedAtUtc: stamp,
      r2FileName: `${m}`,
      r1RoundId: 2 * m + 1,
      r2RoundId: 2 * m + 2,
      r1DefenderTeam: 1,
      r2DefenderTeam: 1,
      scoreR1Attackers: draw ? 1 : aWins ? 2 : 0,
      scoreR2Attackers: draw ? 1 : aWins ? 0 : 2,
      rows,
    });
  }
  return facts;
}

function realFiles(): { name: string; content: Buffer }[] | null {
  if (!existsSync(REAL_DIR)) return null;
  return readdirSync(REAL_DIR)
    .filter((n) => classifyFileName(n) === 'round')
    .sort()
    .map((name) => ({ name, content: readFileSync(path.join(REAL_DIR, name)) }));
}

export async function benchRating(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  results.push(...report('latent-skill league (4 seeds x 600 maps)', [1, 2, 3, 4].map((s) => evaluate(latentSkillLeague(s, 600))), 0.6));

  const generated: Evaluation[] = [];
  for (const seed of GENERATED_SEEDS) {
    generated.push(evaluate(await factsFromFiles(generateFixtures({ seed, sessions: GENERATED_SESSIONS }).files)));
  }
  results.push(...report(`generated files (${GENERATED_SEEDS.length} seeds x ${GENERATED_SESSIONS} sessions; outcomes there ignore skill)`, generated));

  const real = realFiles();
  if (real) results.push(...report(`real files (${real.length})`, [evaluate(await factsFromFiles(real))]));
  else console.warn(`rating bench: ${REAL_DIR} not found, real files skipped`);
  results.push(...(await recomputeTiming(Number(process.env.ETBOT_BENCH_RATING_TIMING_SESSIONS ?? 120))));
  return results;
}

if (require.main === module) {
  benchRating().then(
    (results) => {
      for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit}${r.target !== undefined ? ` (target ${r.unit === 'ms' ? '<=' : '>='} ${r.target})` : ''}`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
