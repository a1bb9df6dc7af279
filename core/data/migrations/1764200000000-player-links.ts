import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Discord user id <-> GUID links (core/links). */
export class PlayerLinks1764200000000 implements MigrationInterface {
  name = 'PlayerLinks1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'player_links',
        columns: [
          { name: 'discord_user_id', type: 'varchar', length: '32', isPrimary: true },
          { name: 'guid', type: 'varchar', length: '160' },
          { name: 'linked_by', type: 'varchar', length: '32' },
          { name: 'linked_at', type: 'varchar', length: '32' },
        ],
        indices: [new TableIndex({ name: 'uq_player_links_guid', columnNames: ['guid'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('player_links');
  }
}
