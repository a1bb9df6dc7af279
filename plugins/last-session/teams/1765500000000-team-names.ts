import { Table, type MigrationInterface, type QueryRunner } from 'etbot/plugin-api';

/** Names admins give the persistent teams of a session (`!teamname`); later sessions carry them. */
export class LastSessionTeamNames1765500000000 implements MigrationInterface {
  name = 'LastSessionTeamNames1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'last_session_team_names',
        columns: [
          { name: 'session_id', type: 'integer', isPrimary: true },
          { name: 'team', type: 'varchar', length: '1', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'set_by', type: 'varchar', length: '64' },
          { name: 'set_at', type: 'varchar', length: '24' },
        ],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('last_session_team_names', true);
  }
}
