import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Persistent team of a player within a gaming session (spec §6): team 'A' or 'B'. */
@Entity('session_team_members')
@Index('uq_session_team_members_session_guid', ['sessionId', 'guid'], { unique: true })
@Index('ix_session_team_members_guid', ['guid'])
export class SessionTeamMember {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) sessionId!: number;
  @Column({ type: 'varchar', length: 160 }) guid!: string;
  /** 'A': seeded from the session's first R1 axis side; 'B': its allies side. */
  @Column({ type: 'varchar', length: 1 }) team!: 'A' | 'B';
}
