import type { Database } from '../data/database';
import { bool, num, Sql } from '../data/sql';
import { BotRule } from './bots';

/** A completed stopwatch map with a known score: R1 and R2 paired, both valid (spec §6, §9 Score). */
export interface CompletedMap {
  matchId: number;
  serverId: string;
  map: string;
  /** R2's end, UTC 'YYYY-MM-DDTHH:MM:SSZ'. */
  endedAtUtc: string;
  /** R2's file name (the same whatever the import order). */
  r2FileName: string;
  r1RoundId: number;
  r2RoundId: number;
  /** 1 axis, 2 allies. */
  r1DefenderTeam: number;
  r2DefenderTeam: number;
  /** Map score of R1's attackers and R2's attackers (2-0, 0-2 or 1-1). */
  scoreR1Attackers: number;
  scoreR2Attackers: number;
}

/** One counted player row of a round (spec §9 Counting), after the R2 derivation. */
export interface CountedPlayerRound {
  roundId: number;
  guid: string;
  /** 1 axis, 2 allies; other values are spectators or free. */
  team: number;
  timePlayedTenths: number;
  kills: number;
  deaths: number;
  /** Damage given to enemies in this round (the rating's performance prior reads it). */
  damageGiven: number;
  /**
   * Objective and support actions in this round: objectives stolen and returned, dynamites planted
   * and defused, repairs/constructions and revives given (the last two only in the eras that
   * write them, else 0; spec §3).
   */
  objectivePlay: number;
}

/** A player as a results table shows them. */
export interface ResultPlayer {
  guid: string;
  name: string;
  /** The core bot rule (QueryServices.Bots): OMNIBOT GUIDs and names matching players.botNamePattern. */
  isBot: boolean;
}

const CHUNK = 400;

/**
 * Map results for whoever judges players by who wins (the rating plugin). Not cached: the
 * readers rebuild from these after imports, and the lists are too large to keep twice.
 */
export class MatchResultsService {
  constructor(
    private readonly db: Database,
    private readonly bots: BotRule = new BotRule(),
  ) {}

  /**
   * Every completed map with a known score, in time order: R2's end, then server, then R2's file
   * name (code-unit order, the same on both engines). Orphan R2s and maps whose winner is unknown
   * are not there.
   */
  completedMaps(): Promise<CompletedMap[]> {
    return this.db.read(async (sql) => {
      const rows = await sql.all(
        `SELECT m.id, m.server_id, m.map, m.ended_at_utc, m.r1_round_id, m.r2_round_id, m.score_r1_attackers, m.score_r2_attackers,
                r1.defender_team AS def1, r2.defender_team AS def2, r2.file_name AS r2_file
           FROM matches m
           JOIN rounds r1 ON r1.id = m.r1_round_id
           JOIN rounds r2 ON r2.id = m.r2_round_id
          WHERE m.score_r1_attackers IS NOT NULL AND m.score_r2_attackers IS NOT NULL
            AND r1.status = 'valid' AND r2.status = 'valid'`,
      );
      const maps = rows.map((r): CompletedMap => ({
        matchId: num(r.id),
        serverId: String(r.server_id),
        map: String(r.map),
        endedAtUtc: String(r.ended_at_utc),
        r2FileName: String(r.r2_file),
        r1RoundId: num(r.r1_round_id),
        r2RoundId: num(r.r2_round_id),
        r1DefenderTeam: num(r.def1),
        r2DefenderTeam: num(r.def2),
        scoreR1Attackers: num(r.score_r1_attackers),
        scoreR2Attackers: num(r.score_r2_attackers),
      }));
      return maps.sort((x, y) => cmp(x.endedAtUtc, y.endedAtUtc) || cmp(x.serverId, y.serverId) || cmp(x.r2FileName, y.r2FileName));
    });
  }

  /** The counted player rows of these rounds, by round then GUID (code-unit order). */
  countedPlayerRounds(roundIds: readonly number[]): Promise<CountedPlayerRound[]> {
    return this.db.read(async (sql) => {
      const out: CountedPlayerRound[] = [];
      for (let i = 0; i < roundIds.length; i += CHUNK) {
        const chunk = roundIds.slice(i, i + CHUNK);
        const rows = await sql.all(
          `SELECT round_id, guid, team, time_played_tenths, kills, deaths, damage_given,
                  objectives_stolen + objectives_returned + dynamites_planted + dynamites_defused
                    + COALESCE(repairs, 0) + COALESCE(revives_given, 0) AS objective_play
             FROM player_rounds
            WHERE in_totals = TRUE AND round_id IN ${Sql.list(chunk)}`,
          [...chunk],
        );
        for (const r of rows) {
          out.push({
            roundId: num(r.round_id),
            guid: String(r.guid),
            team: num(r.team),
            timePlayedTenths: num(r.time_played_tenths),
            kills: num(r.kills),
            deaths: num(r.deaths),
            damageGiven: num(r.damage_given),
            objectivePlay: num(r.objective_play),
          });
        }
      }
      return out.sort((x, y) => x.roundId - y.roundId || cmp(x.guid, y.guid));
    });
  }

  /** Display names and bot flags of these GUIDs; GUIDs the players table does not know are left out. */
  players(guids: readonly string[]): Promise<ResultPlayer[]> {
    return this.db.read(async (sql) => {
      const out: ResultPlayer[] = [];
      for (let i = 0; i < guids.length; i += CHUNK) {
        const chunk = guids.slice(i, i + CHUNK);
        const rows = await sql.all(`SELECT guid, name, is_bot FROM players WHERE guid IN ${Sql.list(chunk)}`, [...chunk]);
        for (const r of rows) {
          const player = { guid: String(r.guid), name: String(r.name) };
          out.push({ ...player, isBot: bool(r.is_bot) || this.bots.isBot(player) });
        }
      }
      return out;
    });
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
