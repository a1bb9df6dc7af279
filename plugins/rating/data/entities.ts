import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'etbot/plugin-api';

const real = { type: 'double precision' } as const;

/** A player's current rating. Rebuilt from `rating_history` order whenever history changes. */
@Entity('rating_players')
export class RatingPlayer {
  @PrimaryColumn({ type: 'varchar', length: 160 }) guid!: string;
  @Column(real) mu!: number;
  @Column(real) sigma!: number;
  @Column({ type: 'integer' }) maps!: number;
  @Column({ type: 'integer' }) wins!: number;
  @Column({ type: 'integer' }) draws!: number;
  @Column({ type: 'integer' }) losses!: number;
  @Column({ type: 'varchar', length: 20, nullable: true }) lastEndedAtUtc!: string | null;
  /** Performance index sums (model/performance.ts): sum of weight x map performance, and of weights. */
  @Column({ ...real, default: 0 }) perfSum!: number;
  @Column({ ...real, default: 0 }) perfWeight!: number;
  /** Objective index sum (model/performance.ts): sum of weight x map objective performance. */
  @Column({ ...real, default: 0 }) objectiveSum!: number;
}

/** Every map the rating considered, in rating order (`seq`). */
@Entity('rating_maps')
@Index('ix_rating_maps_match', ['matchId'])
export class RatingMap {
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @Column({ type: 'integer' }) matchId!: number;
  @Column({ type: 'integer' }) r1RoundId!: number;
  @Column({ type: 'integer' }) r2RoundId!: number;
  /** What the map was rated from (match, rounds, score, time): a change means a recompute. */
  @Column({ type: 'varchar', length: 400 }) fingerprint!: string;
  @Column({ type: 'varchar', length: 64 }) serverId!: string;
  @Column({ type: 'varchar', length: 128 }) map!: string;
  @Column({ type: 'varchar', length: 20 }) endedAtUtc!: string;
  /** 'A' (R1's attackers won), 'B' or 'draw'. */
  @Column({ type: 'varchar', length: 4 }) outcome!: string;
  /** False when a side had nobody with time played. */
  @Column({ type: 'boolean' }) rated!: boolean;
  /** Pre-map probability that R1's attackers win. */
  @Column({ type: 'double precision', nullable: true }) predictedA!: number | null;
  /** The calibrated forecast's inputs (model/calibration.ts) and its chance that R1's attackers win. */
  @Column({ type: 'double precision', nullable: true }) ratingLogit!: number | null;
  @Column({ type: 'double precision', nullable: true }) perfDiff!: number | null;
  @Column({ type: 'double precision', nullable: true }) objectiveDiff!: number | null;
  @Column({ type: 'double precision', nullable: true }) winChanceA!: number | null;
}

/** A player's rating after each map they played. */
@Entity('rating_history')
@Index('ix_rating_history_guid_seq', ['guid', 'seq'])
@Index('ix_rating_history_seq', ['seq'])
export class RatingHistory {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) seq!: number;
  @Column({ type: 'integer' }) matchId!: number;
  @Column({ type: 'varchar', length: 20 }) endedAtUtc!: string;
  @Column({ type: 'varchar', length: 160 }) guid!: string;
  /** 1 = R1's attackers, 2 = R1's defenders. */
  @Column({ type: 'integer' }) side!: number;
  /** 'W', 'D' or 'L'. */
  @Column({ type: 'varchar', length: 1 }) result!: string;
  @Column(real) weight!: number;
  @Column(real) muBefore!: number;
  @Column(real) sigmaBefore!: number;
  @Column(real) mu!: number;
  @Column(real) sigma!: number;
}

export const ratingEntities = [RatingPlayer, RatingMap, RatingHistory];
