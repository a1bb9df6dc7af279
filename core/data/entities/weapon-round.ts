import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const int = { type: 'integer' } as const;

/** One player's use of one weapon in one round: raw (cumulative) and in-this-round values. */
@Entity('weapon_rounds')
// (guid, in_totals, weapon, kills, deaths, hits, shots, headshots) on SQLite only (see
// FewerRowIndexes1764500000000): schema sync leaves it alone, as it cannot express that.
@Index('ix_weapon_rounds_player_sums', { synchronize: false })
export class WeaponRound {
  /** Primary key: (roundId, guid, weapon). */
  @PrimaryColumn(int) roundId!: number;
  @PrimaryColumn({ type: 'varchar', length: 160 }) guid!: string;
  /** Weapon index 0..27 (core/parsing WEAPONS). */
  @PrimaryColumn(int) weapon!: number;
  /** Same as the player's row: counted and not in an orphan. */
  @Column({ type: 'boolean' }) inTotals!: boolean;
  @Column(int) rawHits!: number;
  @Column(int) rawShots!: number;
  @Column(int) rawKills!: number;
  @Column(int) rawDeaths!: number;
  @Column(int) rawHeadshots!: number;
  @Column(int) hits!: number;
  @Column(int) shots!: number;
  @Column(int) kills!: number;
  /** Times the player was killed by this weapon. */
  @Column(int) deaths!: number;
  /** Head hits. */
  @Column(int) headshots!: number;
}
