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
import { ratingMigrations } from '../plugins/rating/data/migrations';
import { ratingEntities } from '../plugins/rating/data/entities';
import { loadMatchFacts, loadMatchHeaders } from '../plugins/rating/data/match-source';
import { RatingLedger } from '../plugins/rating/model/ledger';
import { mapTeams, type MatchFacts, type MatchPlayerRow } from '../plugins/rating/model/map-teams';
import { chanceOf, featureVector, logistic } from '../plugins/rating/model/calibration';
import { DEFAULT_RATING_PARAMS } from '../plugins/rating/model/weng-lin';
import { syncRatings } from '../plugins/rating/rating-sync';

/**
 * How well the win chance predicts maps it has not seen (walk-forward: everything in time order).
 * For each data set the first 70% of maps only train; for every later map the pre-map state
 * predicts the winner, then the map is rated (the ratings and the calibration keep learning, as
 * the bot does). 1-1 draws are left out of the measures and counted. Every method is scored on the
 * same held-back maps, and its accuracy, log loss and Brier score all come from the same chance.
 * - accuracy: share of decisive held-back maps whose winner had the higher chance (50% counts half).
 * - log loss: mean -ln(chance of the actual winner) (a coin: 0.693). Brier: mean (chance - result)^2
 *   (a coin: 0.25).
 * - 95% intervals: percentile bootstrap over the held-back maps (2000 resamples); for "rating - K/D"
 *   the same resampled maps score both, so the interval is of the paired difference.
 * - rating: the calibrated chance (model/calibration.ts); "Weng-Lin alone": the results-only
 *   chance the bot showed before; "performance baseline": the calibration's fallback (side and
 *   performance index only, fitted walk-forward on the same past maps).
 * - K/D baseline: the team with the higher sum of its players' K/D so far (kills+1 / deaths+1 over
 *   earlier maps); chance logistic(k x K/D difference), k fitted on the training maps.
 * - DPM baseline: the same with each player's damage per minute so far over the mean DPM so far
 *   (1 for a player never seen).
 * - side baseline: the team attacking second wins, with the chance seen in training.
 */

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** A number is a bound in the unit's direction; a string says it, e.g. '>= 0.8'. */
  target?: number | string;
}

const REAL_DIR = process.env.ETBOT_REAL_STATS ?? '/work/shared/real-stats';
const GENERATED_SEEDS = [11, 12, 13, 14, 15, 16];
const GENERATED_SESSIONS = Number(process.env.ETBOT_BENCH_RATING_SESSIONS ?? 25);
const TRAIN_SHARE = 0.7;
const SHORT_LEAGUE_SEEDS = 40;
const SHORT_LEAGUE_MAPS = 100;
const BOOTSTRAP_RESAMPLES = 2000;

interface Prediction {
  /** Calibrated chance that R1's attackers (team A) win. */
  rating: number;
  /** Weng-Lin chance from results only. */
  wengLin: number;
  /** The calibration's fallback: its performance baseline fitted on the same past maps. */
  perfBaseline: number;
  kdDiff: number;
  dpmDiff: number;
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
  const history = new Map<string, { kills: number; deaths: number; damage: number; tenths: number }>();
  const all = { damage: 0, tenths: 0 };
  const cut = Math.floor(facts.length * TRAIN_SHARE);
  const out: Evaluation = { heldBack: [], training: [], draws: 0, maps: facts.length };
  facts.forEach((f, i) => {
    const teams = mapTeams(f);
    if (!teams) return;
    const seen = (guid: string) => history.get(guid) ?? { kills: 0, deaths: 0, damage: 0, tenths: 0 };
    const meanDpm = all.tenths > 0 ? all.damage / all.tenths : 0;
    const teamKd = (team: typeof teams.a) => team.reduce((sum, p) => sum + (seen(p.guid).kills + 1) / (seen(p.guid).deaths + 1), 0);
    const teamDpm = (team: typeof teams.a) =>
      team.reduce((sum, p) => {
        const h = seen(p.guid);
        return sum + (h.tenths > 0 && meanDpm > 0 ? h.damage / h.tenths / meanDpm : 1);
      }, 0);
    const calibration = ledger.calibration();
    const wengLin = ledger.predictFromResults(f)!;
    const { forecast } = ledger.apply(f);
    const prediction: Prediction = {
      rating: forecast!.chanceA,
      wengLin,
      perfBaseline: chanceOf(calibration.baseline, featureVector(forecast!.ratingLogit, forecast!.perfDiff, forecast!.objectiveDiff)).chance,
      kdDiff: teamKd(teams.a) - teamKd(teams.b),
      dpmDiff: teamDpm(teams.a) - teamDpm(teams.b),
      aWon: teams.outcome === 'A' ? 1 : 0,
    };
    if (teams.outcome === 'draw') {
      if (i >= cut) out.draws++;
    } else (i >= cut ? out.heldBack : out.training).push(prediction);
    for (const p of [...teams.a, ...teams.b]) {
      const h = seen(p.guid);
      history.set(p.guid, { kills: h.kills + p.kills, deaths: h.deaths + p.deaths, damage: h.damage + p.damageGiven, tenths: h.tenths + p.tenths });
      all.damage += p.damageGiven;
      all.tenths += p.tenths;
    }
  });
  return out;
}

function clampP(p: number): number {
  return Math.min(1 - 1e-6, Math.max(1e-6, p));
}

type Chance = (p: Prediction) => number;
type Measure = (preds: readonly Prediction[], chance: Chance) => number;

const accuracy: Measure = (preds, chance) =>
  preds.reduce((right, p) => {
    const c = chance(p);
    return right + (c === 0.5 ? 0.5 : c > 0.5 === (p.aWon === 1) ? 1 : 0);
  }, 0) / preds.length;

const logLoss: Measure = (preds, chance) => preds.reduce((s, p) => s - Math.log(clampP(p.aWon ? chance(p) : 1 - chance(p))), 0) / preds.length;

const brier: Measure = (preds, chance) => preds.reduce((s, p) => s + (chance(p) - p.aWon) ** 2, 0) / preds.length;

/** k for logistic(k x feature) with the least log loss on the training maps. */
function fitScale(training: readonly Prediction[], feature: (p: Prediction) => number): number {
  let best = 0;
  let bestLoss = Infinity;
  for (let k = 0; k <= 3; k += 0.01) {
    const loss = logLoss(training, (p) => logistic(k * feature(p)));
    if (loss < bestLoss) [best, bestLoss] = [k, loss];
  }
  return best;
}

/** 95% percentile bootstrap interval of `statistic` over resampled maps (seeded: the same every run). */
function bootstrap(preds: readonly Prediction[], statistic: (sample: readonly Prediction[]) => number): [number, number] {
  const rng = new Rng(2023);
  const values: number[] = [];
  for (let i = 0; i < BOOTSTRAP_RESAMPLES; i++) {
    values.push(statistic(Array.from({ length: preds.length }, () => preds[rng.int(0, preds.length - 1)]!)));
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(0.025 * values.length)]!, values[Math.ceil(0.975 * values.length) - 1]!];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Calibration table of the rating's chance: maps, mean chance and share won per band of the chance team A wins. */
function calibrationTable(label: string, preds: readonly Prediction[]): string {
  const bands = [0, 0.2, 0.35, 0.5, 0.65, 0.8, 1.0001];
  const lines = [`rating: ${label}: calibration (held-back decisive maps, chance that R1's attackers win)`, '  band        maps  mean chance  share won'];
  for (let i = 0; i + 1 < bands.length; i++) {
    const inBand = preds.filter((p) => p.rating >= bands[i]! && p.rating < bands[i + 1]!);
    if (inBand.length === 0) continue;
    const mean = inBand.reduce((s, p) => s + p.rating, 0) / inBand.length;
    const won = inBand.reduce((s, p) => s + p.aWon, 0) / inBand.length;
    lines.push(
      `  ${bands[i]!.toFixed(2)}-${Math.min(1, bands[i + 1]!).toFixed(2)}  ${String(inBand.length).padStart(4)}  ${mean.toFixed(3).padStart(11)}  ${won.toFixed(3).padStart(9)}`,
    );
  }
  return lines.join('\n');
}

function report(label: string, evals: readonly Evaluation[], target?: string): BenchResult[] {
  const heldBack = evals.flatMap((e) => e.heldBack);
  const training = evals.flatMap((e) => e.training);
  const kdK = fitScale(training, (p) => p.kdDiff);
  const dpmK = fitScale(training, (p) => p.dpmDiff);
  // How often R1's attackers won in training: stopwatch favours the team attacking second.
  const aShare = training.length > 0 ? training.reduce((sum, p) => sum + p.aWon, 0) / training.length : 0.5;
  const methods: [string, Chance][] = [
    ['rating', (p) => p.rating],
    ['Weng-Lin alone, results only', (p) => p.wengLin],
    ["performance baseline (the calibration's fallback)", (p) => p.perfBaseline],
    [`K/D baseline, k=${kdK.toFixed(2)}`, (p) => logistic(kdK * p.kdDiff)],
    [`DPM baseline, k=${dpmK.toFixed(2)}`, (p) => logistic(dpmK * p.dpmDiff)],
    [`side baseline, R1 attackers win ${Math.round(aShare * 100)}%`, () => aShare],
  ];
  const kdChance = methods[3]![1];
  const out: BenchResult[] = [
    {
      name: `rating: ${label}: maps (held back, decisive / draws left out)`,
      value: heldBack.length,
      unit: `maps (${evals.reduce((s, e) => s + e.draws, 0)} draws)`,
    },
  ];
  if (heldBack.length === 0) return out;
  const interval = (measure: Measure, chance: Chance) => {
    const [lo, hi] = bootstrap(heldBack, (sample) => measure(sample, chance));
    return `95% CI ${r3(lo)}-${r3(hi)}`;
  };
  const measures: [string, Measure, string][] = [
    ['winner predicted', accuracy, 'share'],
    ['log loss', logLoss, 'nats'],
    ['Brier score', brier, ''],
  ];
  for (const [measureName, measure, unit] of measures) {
    for (const [method, chance] of methods) {
      const figure: BenchResult = {
        name: `rating: ${label}: ${measureName} (${method})`,
        value: r3(measure(heldBack, chance)),
        unit: `${unit} (${interval(measure, chance)})`.trim(),
      };
      if (target !== undefined && measure === accuracy && method === 'rating') figure.target = target;
      out.push(figure);
    }
    const [lo, hi] = bootstrap(heldBack, (sample) => measure(sample, methods[0]![1]) - measure(sample, kdChance));
    out.push({
      name: `rating: ${label}: ${measureName}, rating minus K/D baseline (paired)`,
      value: r3(measure(heldBack, methods[0]![1]) - measure(heldBack, kdChance)),
      unit: `${unit} (95% CI ${r3(lo)} to ${r3(hi)})`.trim(),
    });
  }
  process.stderr.write(`${calibrationTable(label, heldBack)}\n`);
  return out;
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
  // Damage has its own stream, so the maps and results are the ones the league always had.
  const damageRng = new Rng(seed + 1000);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const skill = Array.from({ length: 40 }, () => 25 + 5 * gauss());
  const poisson = (mean: number) => {
    let k = 0;
    for (let p = Math.exp(-mean), s = p, u = rng.next(); u > s; k++) s += p = (p * mean) / (k + 1);
    return k;
  };
  const damage = (kills: number, lean: number) => Math.round(kills * 100 + 400 * lean * (0.5 + damageRng.next()));
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
          const kills = poisson(8 * lean);
          rows.push({
            round: r,
            guid: `P${String(p).padStart(2, '0')}`,
            team,
            tenths: 100,
            kills,
            deaths: poisson(8 / lean),
            damageGiven: damage(kills, lean),
            // The league has no objectives: the objective index stays 0 there.
            objectivePlay: 0,
          });
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
  results.push(
    ...report(
      'latent-skill league (4 seeds x 600 maps)',
      [1, 2, 3, 4].map((s) => evaluate(latentSkillLeague(s, 600))),
      // Issue #23's bar; a string, as the unit ("share (95% CI ...)") does not say which way is better.
      '>= 0.8',
    ),
  );

  // As short as the real files' history: does the fallback hold when few maps are known?
  results.push(
    ...report(
      `short latent-skill league (${SHORT_LEAGUE_SEEDS} seeds x ${SHORT_LEAGUE_MAPS} maps)`,
      Array.from({ length: SHORT_LEAGUE_SEEDS }, (_, i) => evaluate(latentSkillLeague(101 + i, SHORT_LEAGUE_MAPS))),
    ),
  );

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
      for (const r of results)
        console.log(
          `${r.name}: ${r.value} ${r.unit}${r.target !== undefined ? ` (target ${typeof r.target === 'string' ? r.target : `<= ${r.target}`})` : ''}`,
        );
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
