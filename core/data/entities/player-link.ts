import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A Discord account tied to a player GUID (one GUID per account, one account per GUID). */
@Entity('player_links')
@Index('uq_player_links_guid', ['guid'], { unique: true })
export class PlayerLink {
  @PrimaryColumn({ type: 'varchar', length: 32 }) discordUserId!: string;
  @Column({ type: 'varchar', length: 160 }) guid!: string;
  /** Who made the link: the user themself or an admin's id. */
  @Column({ type: 'varchar', length: 32 }) linkedBy!: string;
  /** ISO instant. */
  @Column({ type: 'varchar', length: 32 }) linkedAt!: string;
}
