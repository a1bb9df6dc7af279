import { Table, type MigrationInterface, type QueryRunner } from 'etbot/plugin-api';

/** The records plugin's tables (data/entities.ts). */
export class Records1766000000000 implements MigrationInterface {
  name = 'Records1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'records_round_bests',
        columns: [
          { name: 'stat', type: 'varchar', length: '32', isPrimary: true },
          { name: 'round_id', type: 'integer', isPrimary: true },
          { name: 'guid', type: 'varchar', length: '160', isPrimary: true },
          { name: 'value', type: 'double precision' },
          { name: 'map', type: 'varchar', length: '128' },
          { name: 'file_name', type: 'varchar', length: '255' },
          { name: 'ended_at_local', type: 'varchar', length: '19' },
        ],
        indices: [
          { name: 'ix_records_round_bests_value', columnNames: ['stat', 'value', 'ended_at_local', 'round_id', 'guid'] },
          { name: 'ix_records_round_bests_map', columnNames: ['stat', 'map', 'value', 'ended_at_local', 'round_id', 'guid'] },
          { name: 'ix_records_round_bests_round', columnNames: ['round_id'] },
        ],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'records_map_times',
        columns: [
          { name: 'kind', type: 'varchar', length: '16', isPrimary: true },
          { name: 'round_id', type: 'integer', isPrimary: true },
          { name: 'map', type: 'varchar', length: '128' },
          { name: 'seconds', type: 'integer' },
          { name: 'file_name', type: 'varchar', length: '255' },
          { name: 'ended_at_local', type: 'varchar', length: '19' },
        ],
        indices: [{ name: 'ix_records_map_times_map', columnNames: ['kind', 'map', 'seconds'] }],
      }),
      true,
    );
    await q.createTable(
      new Table({
        name: 'records_state',
        columns: [
          { name: 'key', type: 'varchar', length: '32', isPrimary: true },
          { name: 'value', type: 'varchar', length: '64' },
        ],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('records_state', true);
    await q.dropTable('records_map_times', true);
    await q.dropTable('records_round_bests', true);
  }
}
