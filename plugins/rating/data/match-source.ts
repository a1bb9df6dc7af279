import type { MatchResultsService } from 'etbot/plugin-api';
import { compareMatches, type MatchFacts, type MatchPlayerRow } from '../model/map-teams';

/** A rateable match without its player rows. */
export type MatchHeader = Omit<MatchFacts, 'rows'>;

/** Where the rating reads the core's map results (QueryServices.MatchResults). */
export type MatchSource = Pick<MatchResultsService, 'completedMaps' | 'countedPlayerRounds'>;

/** Identifies what a map was rated from; a rated map whose fingerprint changes needs a recompute. */
export function fingerprint(m: MatchHeader): string {
  return [m.matchId, m.r1RoundId, m.r2RoundId, `${m.scoreR1Attackers}-${m.scoreR2Attackers}`, m.endedAtUtc, m.serverId, m.map].join('|');
}

/**
 * Every completed stopwatch map with a known score (spec §6, §9 Score), in rating order.
 * Orphan R2s have no match and maps with an unknown winner have a null score: neither is here.
 */
export async function loadMatchHeaders(source: MatchSource): Promise<MatchHeader[]> {
  const maps: MatchHeader[] = await source.completedMaps();
  return maps.sort(compareMatches);
}

/** The counted player rows (time played above 0, after the R2 derivation) of these matches. */
export async function loadMatchFacts(source: MatchSource, headers: readonly MatchHeader[]): Promise<MatchFacts[]> {
  const roundOf = new Map<number, { facts: MatchFacts; round: 1 | 2 }>();
  const facts = headers.map((h) => ({ ...h, rows: [] as MatchPlayerRow[] }));
  for (const f of facts) {
    roundOf.set(f.r1RoundId, { facts: f, round: 1 });
    roundOf.set(f.r2RoundId, { facts: f, round: 2 });
  }
  for (const r of await source.countedPlayerRounds([...roundOf.keys()])) {
    const target = roundOf.get(r.roundId)!;
    target.facts.rows.push({
      round: target.round,
      guid: r.guid,
      team: r.team,
      tenths: r.timePlayedTenths,
      kills: r.kills,
      deaths: r.deaths,
      damageGiven: r.damageGiven,
      objectivePlay: r.objectivePlay,
    });
  }
  // The source's row order is by round id, which depends on the import order: make it R1, R2 (mapTeams sorts by GUID anyway).
  for (const f of facts) f.rows.sort((x, y) => x.round - y.round || (x.guid < y.guid ? -1 : x.guid > y.guid ? 1 : 0));
  return facts;
}
