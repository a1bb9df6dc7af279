import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every clean name a GUID has used (§7). */
@Entity('player_aliases')
@Index('uq_player_aliases_guid_name', ['guid', 'cleanName'], { unique: true })
@Index('ix_player_aliases_name_lower', ['cleanNameLower'])
export class PlayerAlias {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 160 }) guid!: string;
  @Column({ type: 'varchar', length: 160 }) cleanName!: string;
  @Column({ type: 'varchar', length: 160 }) cleanNameLower!: string;
  /** The coloured name as last seen with this clean name. */
  @Column({ type: 'varchar', length: 160 }) rawName!: string;
  @Column({ type: 'varchar', length: 20 }) firstSeenUtc!: string;
  @Column({ type: 'varchar', length: 20 }) lastSeenUtc!: string;
}
