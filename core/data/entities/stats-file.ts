import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type StatsFileStatus = 'imported' | 'duplicate' | 'rejected';

/** One stats file name per server as last received, and what became of it (spec §8, §9 Duplicates). */
@Entity('stats_files')
@Index('uq_stats_files_server_name', ['serverId', 'name'], { unique: true })
@Index('ix_stats_files_hash', ['contentHash'])
// Exactly one imported copy per content, whatever the names and processes.
@Index('uq_stats_files_imported_hash', ['contentHash'], { unique: true, where: "status = 'imported'" })
@Index('ix_stats_files_status', ['status'])
export class StatsFile {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 64 }) serverId!: string;
  @Column({ type: 'varchar', length: 255 }) name!: string;
  /** sha256 hex of the content with CRLF turned into LF. */
  @Column({ type: 'varchar', length: 64 }) contentHash!: string;
  @Column({ type: 'varchar', length: 16 }) status!: StatsFileStatus;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  /** JSON array of {line, reason}. */
  @Column({ type: 'text', default: '[]' }) warnings!: string;
  /** For a duplicate: the stats file that holds the imported copy. */
  @Column({ type: 'integer', nullable: true }) duplicateOfId!: number | null;
  /** Kept for duplicates and rejected files, so they can take over or be retried. */
  @Column({ type: 'text', nullable: true }) content!: string | null;
  /** Where a local file was read from (retry reads it again when it still exists). */
  @Column({ type: 'text', nullable: true }) path!: string | null;
  @Column({ type: 'varchar', length: 128 }) source!: string;
  @Column({ type: 'integer' }) size!: number;
  /** ISO instants (UTC). */
  @Column({ type: 'varchar', length: 32 }) firstSeenAt!: string;
  @Column({ type: 'varchar', length: 32 }) updatedAt!: string;
}
