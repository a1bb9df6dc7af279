import { Column, Entity, Index, PrimaryColumn } from 'etbot/plugin-api';

/** A round's best player(s) in one record stat: the record book reads the best of these. */
@Entity('records_round_bests')
// Ties of a record are read oldest first (the first to reach a value holds it): the index gives that order.
@Index('ix_records_round_bests_value', ['stat', 'value', 'endedAtLocal', 'roundId', 'guid'])
@Index('ix_records_round_bests_map', ['stat', 'map', 'value', 'endedAtLocal', 'roundId', 'guid'])
@Index('ix_records_round_bests_round', ['roundId'])
export class RecordRoundBest {
  @PrimaryColumn({ type: 'varchar', length: 32 }) stat!: string;
  @PrimaryColumn({ type: 'integer' }) roundId!: number;
  @PrimaryColumn({ type: 'varchar', length: 160 }) guid!: string;
  @Column({ type: 'double precision' }) value!: number;
  @Column({ type: 'varchar', length: 128 }) map!: string;
  @Column({ type: 'varchar', length: 255 }) fileName!: string;
  @Column({ type: 'varchar', length: 19 }) endedAtLocal!: string;
}

/** A stopwatch time (`fastest`) or a winning margin (`margin`) a round's header gives. */
@Entity('records_map_times')
@Index('ix_records_map_times_map', ['kind', 'map', 'seconds'])
export class RecordMapTime {
  @PrimaryColumn({ type: 'varchar', length: 16 }) kind!: string;
  @PrimaryColumn({ type: 'integer' }) roundId!: number;
  @Column({ type: 'varchar', length: 128 }) map!: string;
  @Column({ type: 'integer' }) seconds!: number;
  @Column({ type: 'varchar', length: 255 }) fileName!: string;
  @Column({ type: 'varchar', length: 19 }) endedAtLocal!: string;
}

/** What the tables were built from (`version`: QueryServices.RoundValues.version()). */
@Entity('records_state')
export class RecordState {
  @PrimaryColumn({ type: 'varchar', length: 32 }) key!: string;
  @Column({ type: 'varchar', length: 64 }) value!: string;
}

export const recordsEntities = [RecordRoundBest, RecordMapTime, RecordState];
