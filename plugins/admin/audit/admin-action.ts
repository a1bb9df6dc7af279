import { Column, Entity, Index, PrimaryGeneratedColumn } from 'etbot/plugin-api';

/** One run (or refusal) of an admin-only command: who, what, when, and how it ended. */
@Entity('admin_actions')
@Index('ix_admin_actions_at', ['at'])
export class AdminAction {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  /** ISO instant (UTC). */
  @Column({ type: 'varchar', length: 32 }) at!: string;
  /** Discord user id, or `console` for the local operator. */
  @Column({ type: 'varchar', length: 32 }) userId!: string;
  @Column({ type: 'varchar', length: 100 }) userName!: string;
  @Column({ type: 'varchar', length: 16 }) transport!: string;
  @Column({ type: 'varchar', length: 64 }) command!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) pluginId!: string | null;
  /** What was typed after the command name. */
  @Column({ type: 'text' }) input!: string;
  /** ok, denied, usage, channel, cooldown, error. */
  @Column({ type: 'varchar', length: 16 }) outcome!: string;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'integer' }) durationMs!: number;
}
