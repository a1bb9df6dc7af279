import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A map played: a paired R1 + R2 (spec §6). */
@Entity('matches')
@Index('uq_matches_r1', ['r1RoundId'], { unique: true })
@Index('uq_matches_r2', ['r2RoundId'], { unique: true })
@Index('ix_matches_server_time', ['serverId', 'endedAtUtc'])
export class Match {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 64 }) serverId!: string;
  @Column({ type: 'varchar', length: 128 }) map!: string;
  @Column({ type: 'integer' }) r1RoundId!: number;
  @Column({ type: 'integer' }) r2RoundId!: number;
  /** R2's end, UTC. */
  @Column({ type: 'varchar', length: 20 }) endedAtUtc!: string;
  @Column({ type: 'boolean', nullable: true }) r1AttackersSucceeded!: boolean | null;
  @Column({ type: 'boolean', nullable: true }) r2AttackersSucceeded!: boolean | null;
  /** Stopwatch map score; null when either round's winner is unknown. R1's attackers = R2's defenders. */
  @Column({ type: 'integer', nullable: true }) scoreR1Attackers!: number | null;
  @Column({ type: 'integer', nullable: true }) scoreR2Attackers!: number | null;
}
