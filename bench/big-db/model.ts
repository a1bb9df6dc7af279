import { contentHash, parseStatsFile, type ParsedRound } from '../../core/parsing';
import type { GeneratedFile } from '../../core/parsing/generator';
import type { SqlValue } from '../../core/data/sql';
import { localToUtcMs, utcIso } from '../../core/ingest/derive/local-time';
import { pairRounds } from '../../core/ingest/derive/pairing';
import { deriveRoundPlayers } from '../../core/ingest/derive/round-values';
import { attackersSucceeded, mapScore } from '../../core/ingest/derive/score';
import { compareRounds, groupSessions } from '../../core/ingest/derive/sessions';
import { persistentTeams } from '../../core/ingest/derive/teams';
import { BotRule } from '../../core/queries/bots';
import type { DerivedPlayer } from '../../core/ingest/derive/types';
import { DEFAULT_IMPORT_SETTINGS } from '../../core/ingest/importer';
import { rawPlayerFromLine } from '../../core/ingest/raw-player';
import { PLAYER_COLUMNS, roundRowValues, WEAPON_COLUMNS } from '../../core/ingest/store/round-rows';

/** Rows of one table, in `columns` order. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: SqlValue[][];
}

export const SERVER_ID = 'default';

const FILE_COLUMNS = [
  'id',
  'server_id',
  'name',
  'content_hash',
  'status',
  'reason',
  'warnings',
  'duplicate_of_id',
  'content',
  'path',
  'source',
  'size',
  'first_seen_at',
  'updated_at',
];
const ROUND_COLUMNS = [
  'id',
  'file_id',
  'file_name',
  'server_id',
  'map',
  'round_number',
  'server_name',
  'server_name_clean',
  'config',
  'defender_team',
  'winner_team',
  'time_limit',
  'next_time_limit',
  'time_limit_seconds',
  'next_time_limit_seconds',
  'playtime_ms',
  'ended_at_local',
  'ended_at_utc',
  'status',
  'paired_round_id',
  'match_id',
  'session_id',
  'attackers_succeeded',
  'player_count',
];
const MATCH_COLUMNS = [
  'id',
  'server_id',
  'map',
  'r1_round_id',
  'r2_round_id',
  'ended_at_utc',
  'r1_attackers_succeeded',
  'r2_attackers_succeeded',
  'score_r1_attackers',
  'score_r2_attackers',
];
const SESSION_COLUMNS = ['id', 'server_id', 'start_utc', 'end_utc', 'start_local', 'end_local', 'round_count', 'map_count'];
const TEAM_COLUMNS = ['id', 'session_id', 'guid', 'team'];
const PLAYER_TABLE_COLUMNS = ['guid', 'name', 'name_lower', 'raw_name', 'is_bot', 'name_source_key', 'first_seen_utc', 'last_seen_utc'];
const ALIAS_COLUMNS = ['id', 'guid', 'clean_name', 'clean_name_lower', 'raw_name', 'first_seen_utc', 'last_seen_utc'];

interface ModelRound {
  id: number;
  parsed: ParsedRound;
  fileName: string;
  map: string;
  roundNumber: number;
  endedAtMs: number;
  endedAtUtc: string;
  succeeded: boolean | null;
  partner: number | null;
  valid: boolean;
  matchId: number | null;
  sessionId: number | null;
  derived: DerivedPlayer[];
}

interface PlayerState {
  guid: string;
  isBot: boolean;
  name: string;
  rawName: string;
  nameSourceKey: string | null;
  firstSeen: string;
  lastSeen: string;
}

interface AliasState {
  id: number;
  guid: string;
  cleanName: string;
  rawName: string;
  firstSeen: string;
  lastSeen: string;
}

/**
 * What the importer would store for a set of round files, worked out in memory with the
 * importer's own derivations (pairing, R2 values, orphans, matches, sessions, teams, names), so
 * the rows can be written in bulk. Chunks must be independent in time (see roundFileChunks).
 * Every file must parse and be distinct: the bulk path has no duplicates or rejected files.
 */
export class BigDbModel {
  private nextRoundId = 1;
  private nextMatchId = 1;
  private nextSessionId = 1;
  private nextTeamMemberId = 1;
  private readonly bots = new BotRule();
  private nextAliasId = 1;
  private readonly hashes = new Set<string>();
  private readonly players = new Map<string, PlayerState>();
  private readonly aliases = new Map<string, AliasState>();
  private readonly settings = DEFAULT_IMPORT_SETTINGS;
  private readonly now = new Date().toISOString();
  counts = { rounds: 0, playerRounds: 0, weaponRounds: 0, matches: 0, sessions: 0 };

  /** The rows of one chunk's files (all tables but players and aliases, which come at the end). */
  deriveChunk(files: readonly GeneratedFile[]): TableRows[] {
    const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const fileRows: SqlValue[][] = [];
    const rounds: ModelRound[] = [];
    for (const f of sorted) {
      const parsed = parseStatsFile(f.name, f.content);
      if (!parsed.ok) throw new Error(`big database: ${f.name} was rejected: ${parsed.reason}`);
      const hash = contentHash(f.content);
      if (this.hashes.has(hash)) throw new Error(`big database: ${f.name} duplicates an earlier file`);
      this.hashes.add(hash);
      const id = this.nextRoundId++;
      const endedAtMs = localToUtcMs(parsed.round.file.endedAtLocal, this.settings.timezone);
      fileRows.push([
        id,
        SERVER_ID,
        f.name,
        hash,
        'imported',
        null,
        JSON.stringify(parsed.round.warnings),
        null,
        null,
        null,
        'bench',
        Buffer.byteLength(f.content),
        this.now,
        this.now,
      ]);
      rounds.push({
        id,
        parsed: parsed.round,
        fileName: f.name,
        map: parsed.round.file.map,
        roundNumber: parsed.round.header.round,
        endedAtMs,
        endedAtUtc: utcIso(endedAtMs),
        succeeded: attackersSucceeded(parsed.round.header.defenderTeam, parsed.round.header.winnerTeam),
        partner: null,
        valid: true,
        matchId: null,
        sessionId: null,
        derived: [],
      });
    }
    const byId = new Map(rounds.map((r) => [r.id, r]));
    const pairs = pairRounds(rounds, this.settings.pairingWindowMinutes);
    const matchRows: SqlValue[][] = [];
    for (const [r2Id, r1Id] of pairs) {
      const r1 = byId.get(r1Id)!;
      const r2 = byId.get(r2Id)!;
      const matchId = this.nextMatchId++;
      r1.partner = r2Id;
      r2.partner = r1Id;
      r1.matchId = r2.matchId = matchId;
      const score = mapScore(r1.succeeded, r2.succeeded);
      matchRows.push([
        matchId,
        SERVER_ID,
        r2.map,
        r1Id,
        r2Id,
        r2.endedAtUtc,
        r1.succeeded,
        r2.succeeded,
        score?.r1Attackers ?? null,
        score?.r2Attackers ?? null,
      ]);
    }
    const raws = new Map(rounds.map((r) => [r.id, r.parsed.players.map(rawPlayerFromLine)]));
    for (const r of rounds) {
      if (r.roundNumber === 2) r.valid = r.partner !== null;
      const kind = r.roundNumber === 1 ? 'r1' : r.valid ? 'r2' : 'orphan';
      r.derived = deriveRoundPlayers(raws.get(r.id)!, r.roundNumber === 2 && r.partner !== null ? raws.get(r.partner)! : null, kind);
    }

    const sessionRows: SqlValue[][] = [];
    const teamRows: SqlValue[][] = [];
    for (const group of groupSessions(rounds, this.settings.sessionGapMinutes)) {
      const members = group.map((id) => byId.get(id)!).sort(compareRounds);
      const sessionId = this.nextSessionId++;
      for (const m of members) m.sessionId = sessionId;
      const first = members[0]!;
      const last = members[members.length - 1]!;
      const maps = members.filter((m) => m.roundNumber === 2 && m.valid).length;
      sessionRows.push([
        sessionId,
        SERVER_ID,
        first.endedAtUtc,
        last.endedAtUtc,
        first.parsed.file.endedAtLocal,
        last.parsed.file.endedAtLocal,
        members.length,
        maps,
      ]);
      const teams = persistentTeams(
        members.map((m) => ({
          roundNumber: m.roundNumber,
          // As the importer: bots are left out of team detection by default (core/queries/bots.ts).
          players: m.derived
            .filter((p) => p.counted && !this.bots.leftOut({ guid: p.raw.guid, name: p.raw.cleanName }))
            .map((p) => ({ guid: p.raw.guid, team: p.raw.team })),
        })),
      );
      for (const [guid, team] of teams) teamRows.push([this.nextTeamMemberId++, sessionId, guid, team]);
    }

    const roundRows: SqlValue[][] = [];
    const playerRows: SqlValue[][] = [];
    const weaponRows: SqlValue[][] = [];
    for (const r of rounds) {
      const h = r.parsed.header;
      roundRows.push([
        r.id,
        r.id,
        r.fileName,
        SERVER_ID,
        r.map,
        r.roundNumber,
        h.serverName,
        h.serverNameClean,
        h.config,
        h.defenderTeam,
        h.winnerTeam,
        h.timeLimit,
        h.nextTimeLimit,
        h.timeLimitSeconds,
        h.nextTimeLimitSeconds,
        h.playtimeMs,
        r.parsed.file.endedAtLocal,
        r.endedAtUtc,
        r.valid ? 'valid' : 'orphan',
        r.partner,
        r.matchId,
        r.sessionId,
        r.succeeded,
        r.derived.filter((p) => p.counted).length,
      ]);
      const values = roundRowValues(r.id, r.derived, r.valid);
      for (const row of values.playerRows) playerRows.push(row);
      for (const row of values.weaponRows) weaponRows.push(row);
      this.notePlayers(r);
    }
    this.counts.rounds += roundRows.length;
    this.counts.playerRounds += playerRows.length;
    this.counts.weaponRounds += weaponRows.length;
    this.counts.matches += matchRows.length;
    this.counts.sessions += sessionRows.length;
    return [
      { table: 'stats_files', columns: FILE_COLUMNS, rows: fileRows },
      { table: 'gaming_sessions', columns: SESSION_COLUMNS, rows: sessionRows },
      { table: 'rounds', columns: ROUND_COLUMNS, rows: roundRows },
      { table: 'matches', columns: MATCH_COLUMNS, rows: matchRows },
      { table: 'session_team_members', columns: TEAM_COLUMNS, rows: teamRows },
      { table: 'player_rounds', columns: PLAYER_COLUMNS, rows: playerRows },
      { table: 'weapon_rounds', columns: WEAPON_COLUMNS, rows: weaponRows },
    ];
  }

  /** players and player_aliases, once every chunk has been derived. */
  finalRows(): TableRows[] {
    const players = [...this.players.values()].map((p) => [p.guid, p.name, p.name.toLowerCase(), p.rawName, p.isBot, p.nameSourceKey, p.firstSeen, p.lastSeen]);
    const aliases = [...this.aliases.values()].map((a) => [a.id, a.guid, a.cleanName, a.cleanName.toLowerCase(), a.rawName, a.firstSeen, a.lastSeen]);
    return [
      { table: 'players', columns: PLAYER_TABLE_COLUMNS, rows: players },
      { table: 'player_aliases', columns: ALIAS_COLUMNS, rows: aliases },
    ];
  }

  /** Same rules as notePlayers (core/ingest/store/players-store.ts), applied in file name order. */
  private notePlayers(r: ModelRound): void {
    const at = r.endedAtUtc;
    const key = r.valid ? `${at}|${r.fileName}` : null;
    for (const p of r.derived) {
      const { guid, cleanName, rawName, isBot } = p.raw;
      const player = this.players.get(guid);
      if (!player) {
        this.players.set(guid, { guid, isBot, name: cleanName, rawName, nameSourceKey: key, firstSeen: at, lastSeen: at });
      } else {
        const later = key !== null && (player.nameSourceKey === null || key > player.nameSourceKey);
        const takes = later || (key === null && player.nameSourceKey === null && at >= player.lastSeen);
        if (takes) {
          player.name = cleanName;
          player.rawName = rawName;
        }
        if (later) player.nameSourceKey = key;
        if (at < player.firstSeen) player.firstSeen = at;
        if (at > player.lastSeen) player.lastSeen = at;
      }
      const aliasKey = `${guid}\u0000${cleanName}`;
      const alias = this.aliases.get(aliasKey);
      if (!alias) {
        this.aliases.set(aliasKey, { id: this.nextAliasId++, guid, cleanName, rawName, firstSeen: at, lastSeen: at });
      } else {
        if (at >= alias.lastSeen) alias.rawName = rawName;
        if (at < alias.firstSeen) alias.firstSeen = at;
        if (at > alias.lastSeen) alias.lastSeen = at;
      }
    }
  }
}
