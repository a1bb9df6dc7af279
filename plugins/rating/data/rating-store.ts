import { num, type Sql, type SqlValue } from 'etbot/plugin-api';
import type { CalibrationSample } from '../model/calibration';
import type { PlayerRating, RatedMap } from '../model/ledger';
import { fingerprint } from './match-source';

export interface StoredMap {
  seq: number;
  fingerprint: string;
  r1RoundId: number;
  r2RoundId: number;
}

/** Reads and writes the rating tables (migration 1764300000000-rating). */
export async function loadStoredMaps(sql: Sql): Promise<StoredMap[]> {
  const rows = await sql.all('SELECT seq, fingerprint, r1_round_id, r2_round_id FROM rating_maps ORDER BY seq');
  return rows.map((r) => ({ seq: num(r.seq), fingerprint: String(r.fingerprint), r1RoundId: num(r.r1_round_id), r2RoundId: num(r.r2_round_id) }));
}

export async function loadPlayerRatings(sql: Sql): Promise<PlayerRating[]> {
  const rows = await sql.all('SELECT guid, mu, sigma, maps, wins, draws, losses, last_ended_at_utc, perf_sum, perf_weight, objective_sum FROM rating_players');
  return rows.map(playerFromRow);
}

/** The forecast inputs and outcomes of every rated map, in rating order (for the calibration). */
export async function loadCalibrationSamples(sql: Sql): Promise<CalibrationSample[]> {
  const rows = await sql.all('SELECT rating_logit, perf_diff, objective_diff, outcome FROM rating_maps WHERE rated = TRUE ORDER BY seq');
  return rows.map((r) => ({
    ratingLogit: num(r.rating_logit),
    perfDiff: num(r.perf_diff),
    objectiveDiff: num(r.objective_diff),
    outcome: r.outcome === 'A' ? 1 : r.outcome === 'B' ? 0 : 0.5,
  }));
}

export function playerFromRow(r: Record<string, unknown>): PlayerRating {
  return {
    guid: String(r.guid),
    mu: num(r.mu),
    sigma: num(r.sigma),
    maps: num(r.maps),
    wins: num(r.wins),
    draws: num(r.draws),
    losses: num(r.losses),
    lastEndedAtUtc: r.last_ended_at_utc === null || r.last_ended_at_utc === undefined ? null : String(r.last_ended_at_utc),
    perfSum: num(r.perf_sum),
    perfWeight: num(r.perf_weight),
    objectiveSum: num(r.objective_sum),
  };
}

export async function clearRatings(sql: Sql): Promise<void> {
  await sql.run('DELETE FROM rating_history');
  await sql.run('DELETE FROM rating_maps');
  await sql.run('DELETE FROM rating_players');
}

/** Appends maps (seq from `firstSeq` on) and their history lines. */
export async function appendMaps(sql: Sql, maps: readonly RatedMap[], firstSeq: number): Promise<void> {
  const mapRows: SqlValue[][] = [];
  const historyRows: SqlValue[][] = [];
  maps.forEach((m, i) => {
    const seq = firstSeq + i;
    const f = m.facts;
    const outcome = f.scoreR1Attackers > f.scoreR2Attackers ? 'A' : f.scoreR2Attackers > f.scoreR1Attackers ? 'B' : 'draw';
    const forecast = m.forecast;
    mapRows.push([
      ...[seq, f.matchId, f.r1RoundId, f.r2RoundId, fingerprint(f), f.serverId, f.map, f.endedAtUtc, outcome, m.rated, m.predictedA],
      ...[forecast?.ratingLogit ?? null, forecast?.perfDiff ?? null, forecast?.objectiveDiff ?? null, forecast?.chanceA ?? null],
    ]);
    for (const e of m.entries) {
      historyRows.push([seq, f.matchId, f.endedAtUtc, e.guid, e.side, e.result, e.weight, e.muBefore, e.sigmaBefore, e.mu, e.sigma]);
    }
  });
  await sql.insertMany(
    'rating_maps',
    [
      'seq',
      'match_id',
      'r1_round_id',
      'r2_round_id',
      'fingerprint',
      'server_id',
      'map',
      'ended_at_utc',
      'outcome',
      'rated',
      'predicted_a',
      'rating_logit',
      'perf_diff',
      'objective_diff',
      'win_chance_a',
    ],
    mapRows,
  );
  await sql.insertMany(
    'rating_history',
    ['seq', 'match_id', 'ended_at_utc', 'guid', 'side', 'result', 'weight', 'mu_before', 'sigma_before', 'mu', 'sigma'],
    historyRows,
  );
}

/** Replaces these players' current ratings. */
export async function savePlayers(sql: Sql, players: readonly PlayerRating[]): Promise<void> {
  const guids = players.map((p) => p.guid);
  for (let i = 0; i < guids.length; i += 400) {
    const chunk = guids.slice(i, i + 400);
    await sql.run(`DELETE FROM rating_players WHERE guid IN (${chunk.map(() => '?').join(', ')})`, chunk);
  }
  await sql.insertMany(
    'rating_players',
    ['guid', 'mu', 'sigma', 'maps', 'wins', 'draws', 'losses', 'last_ended_at_utc', 'perf_sum', 'perf_weight', 'objective_sum'],
    players.map((p) => [p.guid, p.mu, p.sigma, p.maps, p.wins, p.draws, p.losses, p.lastEndedAtUtc, p.perfSum, p.perfWeight, p.objectiveSum]),
  );
}
