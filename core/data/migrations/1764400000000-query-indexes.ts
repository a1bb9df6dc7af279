import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes the read side needs beyond the core schema's. `!weapons` and `!stats` sum a player's
 * weapon rows: with every summed column in the index, SQLite and PostgreSQL answer from the
 * index alone (about 6 weapon rows per player round).
 */
export class QueryIndexes1764400000000 implements MigrationInterface {
  name = 'QueryIndexes1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // A player's rounds (map, first and last seen) without reading the wide player rows.
    await q.createIndex('player_rounds', new TableIndex({ name: 'ix_player_rounds_guid_round', columnNames: ['guid', 'in_totals', 'round_id'] }));
    // Date-range windows (`!top kills 2025-10`) filter rounds on the server's local time.
    await q.createIndex('rounds', new TableIndex({ name: 'ix_rounds_local_time', columnNames: ['ended_at_local'] }));
    await q.createIndex(
      'weapon_rounds',
      new TableIndex({
        name: 'ix_weapon_rounds_player_sums',
        columnNames: ['guid', 'in_totals', 'weapon', 'kills', 'deaths', 'hits', 'shots', 'headshots'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('weapon_rounds', 'ix_weapon_rounds_player_sums');
    await q.dropIndex('rounds', 'ix_rounds_local_time');
    await q.dropIndex('player_rounds', 'ix_player_rounds_guid_round');
  }
}
