import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The collectors' memory of fetched files (entity FetchedRemoteFile). */
export class FetchedRemoteFiles1764100000000 implements MigrationInterface {
  name = 'FetchedRemoteFiles1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'fetched_remote_files',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'collector', type: 'varchar', length: '128' },
          { name: 'remote_name', type: 'varchar', length: '255' },
          { name: 'size', type: 'integer' },
          { name: 'mtime_ms', type: 'double precision' },
          { name: 'skipped', type: 'boolean' },
          { name: 'fetched_at', type: 'varchar', length: '32' },
        ],
        indices: [new TableIndex({ name: 'uq_fetched_remote_files_collector_name', columnNames: ['collector', 'remote_name'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('fetched_remote_files');
  }
}
