import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A file a collector has handed to the importer (or skipped by look-back), so a restart fetches nothing twice. */
@Entity('fetched_remote_files')
@Index('uq_fetched_remote_files_collector_name', ['collector', 'remoteName'], { unique: true })
export class FetchedRemoteFile {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  /** The collector's configured name. */
  @Column({ type: 'varchar', length: 128 }) collector!: string;
  /** The file's name in the watched or remote folder. */
  @Column({ type: 'varchar', length: 255 }) remoteName!: string;
  @Column({ type: 'integer' }) size!: number;
  /** Modification time at the source, ms since the epoch. */
  @Column({ type: 'double precision' }) mtimeMs!: number;
  /** Left out by the first start's look-back window rather than fetched. */
  @Column({ type: 'boolean' }) skipped!: boolean;
  /** ISO instant (UTC). */
  @Column({ type: 'varchar', length: 32 }) fetchedAt!: string;
}
