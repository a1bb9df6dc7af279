import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'etbot/plugin-api';

/** The audit table of admin actions (entity AdminAction). */
export class AdminActions1764300000000 implements MigrationInterface {
  name = 'AdminActions1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'admin_actions',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'at', type: 'varchar', length: '32' },
          { name: 'user_id', type: 'varchar', length: '32' },
          { name: 'user_name', type: 'varchar', length: '100' },
          { name: 'transport', type: 'varchar', length: '16' },
          { name: 'command', type: 'varchar', length: '64' },
          { name: 'plugin_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'input', type: 'text' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'duration_ms', type: 'integer' },
        ],
        indices: [new TableIndex({ name: 'ix_admin_actions_at', columnNames: ['at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('admin_actions');
  }
}
