import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A GUID merged into another player's identity (`!merge`): its rounds are stored under
 * `identityGuid`, keeping the GUID of the file in `player_rounds.source_guid`. A GUID with no row
 * here is its own identity.
 */
@Entity('player_identities')
@Index('ix_player_identities_identity', ['identityGuid'])
export class PlayerIdentity {
  @PrimaryColumn({ type: 'varchar', length: 160 }) guid!: string;
  @Column({ type: 'varchar', length: 160 }) identityGuid!: string;
  /** Who merged it (a Discord user id, or 'console'). */
  @Column({ type: 'varchar', length: 64 }) mergedBy!: string;
  /** ISO instant. */
  @Column({ type: 'varchar', length: 32 }) mergedAt!: string;
}
