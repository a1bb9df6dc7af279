import { TableColumn, type MigrationInterface, type QueryRunner } from 'etbot/plugin-api';

const real = 'double precision';

/**
 * The objective index (rating_players.objective_sum) and its team difference in each map's
 * forecast (rating_maps.objective_diff). The rating tables are derived data: they are emptied, and
 * the plugin rates every map again when it starts.
 */
export class RatingObjectivePlay1766100000000 implements MigrationInterface {
  name = 'RatingObjectivePlay1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM rating_history');
    await q.query('DELETE FROM rating_maps');
    await q.query('DELETE FROM rating_players');
    await q.addColumn('rating_players', new TableColumn({ name: 'objective_sum', type: real, default: 0 }));
    await q.addColumn('rating_maps', new TableColumn({ name: 'objective_diff', type: real, isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('rating_maps', 'objective_diff');
    await q.dropColumn('rating_players', 'objective_sum');
  }
}
