import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A player identity (GUID8, or OMNIBOT0 + clean name for bots) and their display name (§7). */
@Entity('players')
@Index('ix_players_name_lower', ['nameLower'])
export class Player {
  @PrimaryColumn({ type: 'varchar', length: 160 }) guid!: string;
  @Column({ type: 'varchar', length: 160 }) name!: string;
  @Column({ type: 'varchar', length: 160 }) nameLower!: string;
  @Column({ type: 'varchar', length: 160 }) rawName!: string;
  @Column({ type: 'boolean' }) isBot!: boolean;
  /** Sort key 'endedAtUtc|fileName' of the round the name comes from (latest non-orphan). */
  @Column({ type: 'varchar', length: 300, nullable: true }) nameSourceKey!: string | null;
  @Column({ type: 'varchar', length: 20 }) firstSeenUtc!: string;
  @Column({ type: 'varchar', length: 20 }) lastSeenUtc!: string;
}
