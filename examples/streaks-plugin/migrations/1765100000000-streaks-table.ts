import { Table, type MigrationInterface, type QueryRunner } from 'etbot/plugin-api';

/**
 * Creates the plugin's table. Written with the QueryRunner API (no engine-specific SQL), so it runs
 * on PostgreSQL and SQLite alike. The class name ends in a 13-digit timestamp, as TypeORM requires.
 */
export class StreaksTable1765100000000 implements MigrationInterface {
  name = 'StreaksTable1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'streaks_player_streaks',
        columns: [
          { name: 'guid', type: 'varchar', length: '160', isPrimary: true },
          { name: 'name', type: 'varchar', length: '160' },
          { name: 'rounds', type: 'integer' },
          { name: 'min_kd', type: 'double precision' },
          { name: 'longest_run', type: 'integer' },
          { name: 'longest_from', type: 'varchar', length: '200', isNullable: true },
          { name: 'longest_to', type: 'varchar', length: '200', isNullable: true },
          { name: 'current_run', type: 'integer' },
          { name: 'best_spree', type: 'integer' },
          { name: 'best_spree_at', type: 'varchar', length: '200', isNullable: true },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
        indices: [{ name: 'ix_streaks_longest_run', columnNames: ['longest_run'] }],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('streaks_player_streaks', true);
  }
}
