import { Column, Entity, PrimaryColumn } from 'etbot/plugin-api';

/** One player's streaks, as last computed (the plugin's own table). */
@Entity('streaks_player_streaks')
export class PlayerStreak {
  @PrimaryColumn({ type: 'varchar', length: 160 }) guid!: string;
  @Column({ type: 'varchar', length: 160 }) name!: string;
  /** Rounds that count (time played above 0, not an orphan R2). */
  @Column({ type: 'integer' }) rounds!: number;
  /** The K/D threshold these runs were computed with. */
  @Column({ type: 'double precision' }) minKd!: number;
  /** Longest run of consecutive rounds with K/D at or above `minKd`. */
  @Column({ type: 'integer' }) longestRun!: number;
  /** 'YYYY-MM-DD HH:MM map Rn' of the run's first and last round (null when there is no run). */
  @Column({ type: 'varchar', length: 200, nullable: true }) longestFrom!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) longestTo!: string | null;
  /** The run still going at the player's latest round. */
  @Column({ type: 'integer' }) currentRun!: number;
  /** Highest "best killing spree" of any round (spec §3 field 10) and where it happened first. */
  @Column({ type: 'integer' }) bestSpree!: number;
  @Column({ type: 'varchar', length: 200, nullable: true }) bestSpreeAt!: string | null;
  /** ISO time of the computation. */
  @Column({ type: 'varchar', length: 24 }) updatedAt!: string;
}
