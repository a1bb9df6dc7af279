import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type Derivation = 'as-is' | 'r2-minus-r1' | 'r2-reconnect' | 'r2-substitute' | 'orphan';

const int = { type: 'integer' } as const;
const intNull = { type: 'integer', nullable: true } as const;
const real = { type: 'double precision' } as const;
const realNull = { type: 'double precision', nullable: true } as const;

/**
 * What one player did in one round (spec §3-§5), after the R2 derivation, plus the raw
 * (cumulative, as in the file) values the derivation is recomputed from.
 * Fields an era lacks are null. Use `inTotals` to sum: it is false for rows with no time played
 * and for every row of an orphan R2.
 */
@Entity('player_rounds')
// Declared by the queries migration (QueryIndexes1764400000000); listed here so the schema matches the entities.
@Index('ix_player_rounds_guid_round', ['guid', 'inTotals', 'roundId'])
export class PlayerRound {
  /** Primary key: (roundId, guid). */
  @PrimaryColumn(int) roundId!: number;
  /** The player's identity: the GUID in the file, or the GUID it was merged into (`!merge`). */
  @PrimaryColumn({ type: 'varchar', length: 160 }) guid!: string;
  /** The GUID in the file when it differs from `guid` (merged); null otherwise. */
  @Column({ type: 'varchar', length: 160, nullable: true }) sourceGuid!: string | null;
  @Column(int) lineNumber!: number;
  @Column({ type: 'varchar', length: 160 }) rawName!: string;
  @Column({ type: 'varchar', length: 160 }) cleanName!: string;
  /** 1 axis, 2 allies, 3 spectator, 0 free. */
  @Column(int) team!: number;
  /** Number of extended fields in the line: 33, 36, 37 or 38. */
  @Column(int) era!: number;
  @Column({ type: 'varchar', length: 16 }) derivation!: Derivation;
  /** Time played in this round above 0. */
  @Column({ type: 'boolean' }) counted!: boolean;
  /** counted and the round is not an orphan. */
  @Column({ type: 'boolean' }) inTotals!: boolean;

  // Raw cumulative values as written in the file.
  @Column(int) rawKills!: number;
  @Column(int) rawDeaths!: number;
  @Column(int) rawHits!: number;
  @Column(int) rawShots!: number;
  @Column(int) rawHeadshots!: number;
  @Column(int) rawDamageGiven!: number;
  @Column(int) rawDamageReceived!: number;
  @Column(int) rawTeamDamageGiven!: number;
  @Column(int) rawTeamDamageReceived!: number;
  @Column(int) rawGibs!: number;
  @Column(int) rawSelfKills!: number;
  @Column(int) rawTeamKills!: number;
  @Column(int) rawTeamGibs!: number;
  @Column(real) rawAlivePercent!: number;
  @Column(int) rawTimePlayedTenths!: number;

  // In this round.
  @Column(int) kills!: number;
  @Column(int) deaths!: number;
  @Column(int) hits!: number;
  @Column(int) shots!: number;
  /** Head hits. */
  @Column(int) headshots!: number;
  @Column(int) damageGiven!: number;
  @Column(int) damageReceived!: number;
  @Column(int) teamDamageGiven!: number;
  @Column(int) teamDamageReceived!: number;
  @Column(int) gibs!: number;
  @Column(int) selfKills!: number;
  @Column(int) teamKills!: number;
  @Column(int) teamGibs!: number;
  @Column(real) alivePercent!: number;
  @Column(int) xp!: number;
  @Column(real) killingSpree!: number;
  @Column(real) deathSpree!: number;
  @Column(int) killAssists!: number;
  @Column(real) killSteals!: number;
  @Column(real) headshotKills!: number;
  @Column(real) objectivesStolen!: number;
  @Column(real) objectivesReturned!: number;
  @Column(int) dynamitesPlanted!: number;
  @Column(real) dynamitesDefused!: number;
  @Column(int) timesRevived!: number;
  /** Minutes x 10 (exact tenths). */
  @Column(int) timePlayedTenths!: number;
  /** round(minutes x 60), half up. */
  @Column(int) timePlayedSeconds!: number;
  @Column(real) timeDeadMinutes!: number;
  @Column(real) usefulKills!: number;
  @Column(realNull) deniedPlaytimeSeconds!: number | null;
  @Column(real) multikill2!: number;
  @Column(real) multikill3!: number;
  @Column(real) multikill4!: number;
  @Column(real) multikill5!: number;
  @Column(real) multikill6!: number;
  @Column(realNull) uselessKills!: number | null;
  @Column(realNull) fullSelfKills!: number | null;
  @Column(realNull) repairs!: number | null;
  @Column(intNull) revivesGiven!: number | null;
}
