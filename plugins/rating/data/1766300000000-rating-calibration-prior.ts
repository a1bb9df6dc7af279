import type { MigrationInterface, QueryRunner } from 'etbot/plugin-api';

/**
 * The calibration's prior changed (the performance baseline as the fallback), so every stored
 * forecast (rating_maps.win_chance_a) is one a recompute would not give. The rating tables are derived
 * data: they are emptied, and the plugin rates every map again when it starts.
 */
export class RatingCalibrationPrior1766300000000 implements MigrationInterface {
  name = 'RatingCalibrationPrior1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM rating_history');
    await q.query('DELETE FROM rating_maps');
    await q.query('DELETE FROM rating_players');
  }

  async down(q: QueryRunner): Promise<void> {
    // Derived data only: the older release rates every map again when it finds the tables empty.
    await q.query('DELETE FROM rating_history');
    await q.query('DELETE FROM rating_maps');
    await q.query('DELETE FROM rating_players');
  }
}
