import { calibrationAfter, chanceOf, featureVector, isRefitPoint, type Calibration, type CalibrationSample } from './calibration';
import { mapTeams, type MapParticipant, type MapTeams, type MatchFacts } from './map-teams';
import { addPerformance, mapObjectivePlay, mapPerformance, objectiveIndex, performanceDifference, performanceIndex, type PerformanceSums } from './performance';
import { DEFAULT_RATING_PARAMS, rateMap, winProbability, type RatingParams, type WeightedSkill } from './weng-lin';

export type MapResult = 'W' | 'D' | 'L';

export interface PlayerRating extends PerformanceSums {
  guid: string;
  mu: number;
  sigma: number;
  /** Maps rated. */
  maps: number;
  wins: number;
  draws: number;
  losses: number;
  lastEndedAtUtc: string | null;
}

/** One player's line for one rated map. */
export interface HistoryEntry {
  guid: string;
  /** 1 = R1's attackers, 2 = R1's defenders. */
  side: 1 | 2;
  result: MapResult;
  weight: number;
  muBefore: number;
  sigmaBefore: number;
  mu: number;
  sigma: number;
}

export interface RatedMap {
  facts: MatchFacts;
  /** False when the map had nobody on one side (nothing rated). */
  rated: boolean;
  /** Pre-map Weng-Lin probability that R1's attackers win, from results only (null when not rated). */
  predictedA: number | null;
  /** What the calibrated forecast saw before the map (null when not rated). */
  forecast: MapForecast | null;
  entries: HistoryEntry[];
}

/** The pre-map calibrated forecast of a map and its inputs (calibration.ts). */
export interface MapForecast {
  ratingLogit: number;
  perfDiff: number;
  objectiveDiff: number;
  /** Calibrated chance that R1's attackers win. */
  chanceA: number;
}

/**
 * Key of a pseudo-player that joins the team attacking second (R1's defenders) in every map.
 * Stopwatch favours that team (it knows the time to beat: R1's attackers won 38-39% of decisive
 * maps in the generated and the real files), so without it the regulars of a side would be
 * credited with the side's advantage. It starts at mu 0 and learns like a player. Not a GUID
 * (GUIDs are hex or OMNIBOT0...), so it never meets a real player.
 */
export const SECOND_ATTACK_KEY = '#second-attack';

export interface LedgerOptions {
  /** Learn the second-attack advantage (default true). */
  secondAttackAdvantage?: boolean;
}

/**
 * Ratings of every player, updated map by map in the order the caller gives (the time order:
 * see compareMatches), and the calibrated forecast of each map from the maps before it. Pure: no
 * database. To continue from stored state, pass the players and every earlier map's forecast
 * inputs and outcome (`samples`, in rating order).
 */
export class RatingLedger {
  private readonly players = new Map<string, PlayerRating>();
  private readonly sideAdvantage: boolean;
  private readonly samples: CalibrationSample[];
  private current: Calibration;

  constructor(
    readonly params: RatingParams = DEFAULT_RATING_PARAMS,
    initial: Iterable<PlayerRating> = [],
    options: LedgerOptions = {},
    samples: readonly CalibrationSample[] = [],
  ) {
    this.sideAdvantage = options.secondAttackAdvantage ?? true;
    for (const p of initial) this.players.set(p.guid, { ...p });
    this.samples = [...samples];
    this.current = calibrationAfter(this.samples);
  }

  /** The fit the next map is forecast with. */
  calibration(): Calibration {
    return this.current;
  }

  /** The learnt advantage of attacking second (mu 0 until a map is rated). */
  secondAttack(): PlayerRating {
    return this.players.get(SECOND_ATTACK_KEY) ?? { ...fresh(SECOND_ATTACK_KEY, this.params), mu: 0 };
  }

  get(guid: string): PlayerRating {
    return this.players.get(guid) ?? fresh(guid, this.params);
  }

  /** Every player and, when learnt, the second-attack pseudo-player. */
  all(): PlayerRating[] {
    return [...this.players.values()];
  }

  /** Pre-map calibrated chance that R1's attackers win, or null when a side is empty. */
  predict(facts: MatchFacts): number | null {
    const teams = mapTeams(facts);
    return teams ? this.forecast(teams).chanceA : null;
  }

  /** Pre-map Weng-Lin probability from results only (with the second-attack advantage), or null when a side is empty. */
  predictFromResults(facts: MatchFacts): number | null {
    const teams = mapTeams(facts);
    if (!teams) return null;
    return winProbability(this.skills(teams.a), this.withSide(this.skills(teams.b)), this.params);
  }

  apply(facts: MatchFacts): RatedMap {
    const teams = mapTeams(facts);
    if (!teams) return { facts, rated: false, predictedA: null, forecast: null, entries: [] };
    const forecast = this.forecast(teams);
    const a = this.skills(teams.a);
    const b = this.withSide(this.skills(teams.b));
    const predictedA = winProbability(a, b, this.params);
    const after = rateMap(a, b, teams.outcome, this.params);
    if (this.sideAdvantage) this.recordSide(after.b[b.length - 1]!, teams.outcome, facts.endedAtUtc);
    const resultA: MapResult = teams.outcome === 'A' ? 'W' : teams.outcome === 'draw' ? 'D' : 'L';
    const resultB: MapResult = resultA === 'W' ? 'L' : resultA === 'L' ? 'W' : 'D';
    const entries = [
      ...teams.a.map((p, i) => this.record(p, 1, resultA, a[i]!, after.a[i]!, facts.endedAtUtc)),
      ...teams.b.map((p, i) => this.record(p, 2, resultB, b[i]!, after.b[i]!, facts.endedAtUtc)),
    ];
    this.learnPerformance(teams);
    this.samples.push({
      ratingLogit: forecast.ratingLogit,
      perfDiff: forecast.perfDiff,
      objectiveDiff: forecast.objectiveDiff,
      outcome: teams.outcome === 'A' ? 1 : teams.outcome === 'draw' ? 0.5 : 0,
    });
    if (isRefitPoint(this.samples.length)) this.current = calibrationAfter(this.samples);
    return { facts, rated: true, predictedA, forecast, entries };
  }

  private forecast(teams: MapTeams): MapForecast {
    const p = winProbability(this.skills(teams.a), this.skills(teams.b), this.params);
    const ratingLogit = Math.log(p / (1 - p));
    const perfDiff = performanceDifference(teams, (guid) => performanceIndex(this.get(guid)));
    const objectiveDiff = performanceDifference(teams, (guid) => objectiveIndex(this.get(guid)));
    return { ratingLogit, perfDiff, objectiveDiff, chanceA: chanceOf(this.current, featureVector(ratingLogit, perfDiff, objectiveDiff)).chance };
  }

  private learnPerformance(teams: MapTeams): void {
    for (const p of [...teams.a, ...teams.b]) {
      const r = this.get(p.guid);
      this.players.set(p.guid, { ...r, ...addPerformance(r, p.weight, mapPerformance(p, teams.lobbyDpm), mapObjectivePlay(p, teams.lobbyObjectiveRate)) });
    }
  }

  private withSide(team: WeightedSkill[]): WeightedSkill[] {
    if (!this.sideAdvantage) return team;
    const side = this.secondAttack();
    return [...team, { mu: side.mu, sigma: side.sigma, weight: 1 }];
  }

  private recordSide(after: { mu: number; sigma: number }, outcome: 'A' | 'B' | 'draw', endedAtUtc: string): void {
    const s = this.secondAttack();
    this.players.set(SECOND_ATTACK_KEY, {
      ...s,
      mu: after.mu,
      sigma: after.sigma,
      maps: s.maps + 1,
      wins: s.wins + (outcome === 'B' ? 1 : 0),
      draws: s.draws + (outcome === 'draw' ? 1 : 0),
      losses: s.losses + (outcome === 'A' ? 1 : 0),
      lastEndedAtUtc: endedAtUtc,
    });
  }

  private skills(team: readonly MapParticipant[]): WeightedSkill[] {
    return team.map((p) => {
      const r = this.get(p.guid);
      return { mu: r.mu, sigma: r.sigma, weight: p.weight };
    });
  }

  private record(
    p: MapParticipant,
    side: 1 | 2,
    result: MapResult,
    before: WeightedSkill,
    after: { mu: number; sigma: number },
    endedAtUtc: string,
  ): HistoryEntry {
    const r = this.get(p.guid);
    this.players.set(p.guid, {
      ...r,
      mu: after.mu,
      sigma: after.sigma,
      maps: r.maps + 1,
      wins: r.wins + (result === 'W' ? 1 : 0),
      draws: r.draws + (result === 'D' ? 1 : 0),
      losses: r.losses + (result === 'L' ? 1 : 0),
      lastEndedAtUtc: endedAtUtc,
    });
    return { guid: p.guid, side, result, weight: p.weight, muBefore: before.mu, sigmaBefore: before.sigma, mu: after.mu, sigma: after.sigma };
  }
}

export function fresh(guid: string, params: RatingParams = DEFAULT_RATING_PARAMS): PlayerRating {
  return { guid, mu: params.mu, sigma: params.sigma, maps: 0, wins: 0, draws: 0, losses: 0, lastEndedAtUtc: null, perfSum: 0, perfWeight: 0, objectiveSum: 0 };
}
