import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RoundStatus = 'valid' | 'orphan';

/** One accepted round file (spec §2 header plus derived pairing, match and session). */
@Entity('rounds')
@Index('uq_rounds_file', ['fileId'], { unique: true })
@Index('ix_rounds_server_time', ['serverId', 'endedAtUtc'])
@Index('ix_rounds_server_map_time', ['serverId', 'map', 'endedAtUtc'])
@Index('ix_rounds_time', ['endedAtUtc'])
@Index('ix_rounds_session', ['sessionId'])
@Index('ix_rounds_match', ['matchId'])
@Index('ix_rounds_local_time', ['endedAtLocal'])
export class Round {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) fileId!: number;
  @Column({ type: 'varchar', length: 255 }) fileName!: string;
  @Column({ type: 'varchar', length: 64 }) serverId!: string;
  @Column({ type: 'varchar', length: 128 }) map!: string;
  @Column({ type: 'integer' }) roundNumber!: number;
  @Column({ type: 'text' }) serverName!: string;
  @Column({ type: 'text' }) serverNameClean!: string;
  @Column({ type: 'text' }) config!: string;
  @Column({ type: 'integer' }) defenderTeam!: number;
  @Column({ type: 'integer' }) winnerTeam!: number;
  @Column({ type: 'varchar', length: 16 }) timeLimit!: string;
  @Column({ type: 'varchar', length: 16 }) nextTimeLimit!: string;
  @Column({ type: 'integer' }) timeLimitSeconds!: number;
  @Column({ type: 'integer' }) nextTimeLimitSeconds!: number;
  @Column({ type: 'integer', nullable: true }) playtimeMs!: number | null;
  /** Server local time from the file name, 'YYYY-MM-DDTHH:MM:SS'. */
  @Column({ type: 'varchar', length: 19 }) endedAtLocal!: string;
  /** The same instant in UTC, 'YYYY-MM-DDTHH:MM:SSZ' (sorts as text). */
  @Column({ type: 'varchar', length: 20 }) endedAtUtc!: string;
  /** 'orphan': an R2 without its R1, left out of every total. */
  @Column({ type: 'varchar', length: 8 }) status!: RoundStatus;
  @Column({ type: 'integer', nullable: true }) pairedRoundId!: number | null;
  @Column({ type: 'integer', nullable: true }) matchId!: number | null;
  @Column({ type: 'integer', nullable: true }) sessionId!: number | null;
  /** true: the attackers succeeded; false: the defenders held; null: winnerteam 0. */
  @Column({ type: 'boolean', nullable: true }) attackersSucceeded!: boolean | null;
  /** Player rows with time played above 0. */
  @Column({ type: 'integer', default: 0 }) playerCount!: number;
}
