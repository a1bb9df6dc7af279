import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** One player behind several GUIDs: the merged GUIDs, and the GUID of the file on each row stored under another. */
export class PlayerIdentities1766200000000 implements MigrationInterface {
  name = 'PlayerIdentities1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'player_identities',
        columns: [
          { name: 'guid', type: 'varchar', length: '160', isPrimary: true },
          { name: 'identity_guid', type: 'varchar', length: '160' },
          { name: 'merged_by', type: 'varchar', length: '64' },
          { name: 'merged_at', type: 'varchar', length: '32' },
        ],
        indices: [new TableIndex({ name: 'ix_player_identities_identity', columnNames: ['identity_guid'] })],
      }),
    );
    // Null: the row's GUID is the one in the file (every row stored before this migration).
    await q.addColumn('player_rounds', new TableColumn({ name: 'source_guid', type: 'varchar', length: '160', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('player_rounds', 'source_guid');
    await q.dropTable('player_identities');
  }
}
