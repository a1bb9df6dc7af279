import { TableColumn, type MigrationInterface, type QueryRunner } from 'etbot/plugin-api';

const real = 'double precision';

/**
 * The performance index (rating_players.perf_sum, perf_weight) and each map's calibrated forecast
 * with its inputs (rating_maps.rating_logit, perf_diff, win_chance_a). The rating tables are
 * derived data: they are emptied here, and the plugin rates every map again when it starts (the
 * empty rating_maps makes its first sync a full one).
 */
export class RatingPerformance1765300000000 implements MigrationInterface {
  name = 'RatingPerformance1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM rating_history');
    await q.query('DELETE FROM rating_maps');
    await q.query('DELETE FROM rating_players');
    await q.addColumns('rating_players', [
      new TableColumn({ name: 'perf_sum', type: real, default: 0 }),
      new TableColumn({ name: 'perf_weight', type: real, default: 0 }),
    ]);
    await q.addColumns('rating_maps', [
      new TableColumn({ name: 'rating_logit', type: real, isNullable: true }),
      new TableColumn({ name: 'perf_diff', type: real, isNullable: true }),
      new TableColumn({ name: 'win_chance_a', type: real, isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumns('rating_maps', ['rating_logit', 'perf_diff', 'win_chance_a']);
    await q.dropColumns('rating_players', ['perf_sum', 'perf_weight']);
  }
}
