import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Rounds of one server with no gap above the session gap setting (spec §6, §9 Sessions). */
@Entity('gaming_sessions')
@Index('ix_gaming_sessions_server_start', ['serverId', 'startUtc'])
@Index('ix_gaming_sessions_start', ['startUtc'])
export class GamingSession {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 64 }) serverId!: string;
  @Column({ type: 'varchar', length: 20 }) startUtc!: string;
  @Column({ type: 'varchar', length: 20 }) endUtc!: string;
  @Column({ type: 'varchar', length: 19 }) startLocal!: string;
  @Column({ type: 'varchar', length: 19 }) endLocal!: string;
  /** Accepted round files, orphans included. */
  @Column({ type: 'integer' }) roundCount!: number;
  /** Paired matches. */
  @Column({ type: 'integer' }) mapCount!: number;
}
