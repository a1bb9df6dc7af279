import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Fewer index entries per imported row (about 100 weapon rows per file), which were most of the
 * import's database time:
 * - `ix_player_rounds_guid_totals` (guid, in_totals) is the leading part of
 *   `ix_player_rounds_guid_round` (guid, in_totals, round_id): dropped.
 * - `ix_weapon_rounds_guid_round` (guid, round_id): no query needs it (a round's rows come by the
 *   primary key, a player's through `ix_weapon_rounds_player_sums` or their player rows): dropped.
 * - `ix_weapon_rounds_player_sums` (the covering index for a player's weapon sums): dropped on
 *   PostgreSQL, where it cost a quarter of the import time and a long read blocks nobody (a
 *   player's weapon rows are found through their player rows, everybody's by walking the primary
 *   key). Kept on SQLite: imports there are fast enough to pay for it, and every read takes its
 *   turn on the one connection, so the per-import refresh of a regular's weapon sums must stay short.
 */
export class FewerRowIndexes1764500000000 implements MigrationInterface {
  name = 'FewerRowIndexes1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('player_rounds', 'ix_player_rounds_guid_totals');
    await q.dropIndex('weapon_rounds', 'ix_weapon_rounds_guid_round');
    if (q.connection.options.type === 'postgres') await q.dropIndex('weapon_rounds', 'ix_weapon_rounds_player_sums');
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.createIndex(
        'weapon_rounds',
        new TableIndex({ name: 'ix_weapon_rounds_player_sums', columnNames: ['guid', 'in_totals', 'weapon', 'kills', 'deaths', 'hits', 'shots', 'headshots'] }),
      );
    }
    await q.createIndex('weapon_rounds', new TableIndex({ name: 'ix_weapon_rounds_guid_round', columnNames: ['guid', 'round_id'] }));
    await q.createIndex('player_rounds', new TableIndex({ name: 'ix_player_rounds_guid_totals', columnNames: ['guid', 'in_totals'] }));
  }
}
