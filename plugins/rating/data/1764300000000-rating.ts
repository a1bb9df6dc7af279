import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'etbot/plugin-api';

const real = 'double precision';

/** The rating plugin's tables (data/entities.ts). */
export class Rating1764300000000 implements MigrationInterface {
  name = 'Rating1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rating_players',
        columns: [
          { name: 'guid', type: 'varchar', length: '160', isPrimary: true },
          { name: 'mu', type: real },
          { name: 'sigma', type: real },
          { name: 'maps', type: 'integer' },
          { name: 'wins', type: 'integer' },
          { name: 'draws', type: 'integer' },
          { name: 'losses', type: 'integer' },
          { name: 'last_ended_at_utc', type: 'varchar', length: '20', isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rating_maps',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'match_id', type: 'integer' },
          { name: 'r1_round_id', type: 'integer' },
          { name: 'r2_round_id', type: 'integer' },
          { name: 'fingerprint', type: 'varchar', length: '400' },
          { name: 'server_id', type: 'varchar', length: '64' },
          { name: 'map', type: 'varchar', length: '128' },
          { name: 'ended_at_utc', type: 'varchar', length: '20' },
          { name: 'outcome', type: 'varchar', length: '4' },
          { name: 'rated', type: 'boolean' },
          { name: 'predicted_a', type: real, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_rating_maps_match', columnNames: ['match_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rating_history',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'seq', type: 'integer' },
          { name: 'match_id', type: 'integer' },
          { name: 'ended_at_utc', type: 'varchar', length: '20' },
          { name: 'guid', type: 'varchar', length: '160' },
          { name: 'side', type: 'integer' },
          { name: 'result', type: 'varchar', length: '1' },
          { name: 'weight', type: real },
          { name: 'mu_before', type: real },
          { name: 'sigma_before', type: real },
          { name: 'mu', type: real },
          { name: 'sigma', type: real },
        ],
        indices: [
          new TableIndex({ name: 'ix_rating_history_guid_seq', columnNames: ['guid', 'seq'] }),
          new TableIndex({ name: 'ix_rating_history_seq', columnNames: ['seq'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rating_history');
    await q.dropTable('rating_maps');
    await q.dropTable('rating_players');
  }
}

export const ratingMigrations = [Rating1764300000000];
