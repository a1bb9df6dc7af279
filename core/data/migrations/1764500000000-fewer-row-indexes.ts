import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Drops two indexes that every imported row paid for and no query needs:
 * `ix_player_rounds_guid_totals` (guid, in_totals) is the leading part of
 * `ix_player_rounds_guid_round` (guid, in_totals, round_id), and `ix_weapon_rounds_guid_round`
 * (guid, round_id) is served by `ix_weapon_rounds_player_sums` (a player's weapon rows) and by the
 * primary key (a round's rows). Each weapon row is one index entry lighter (about 100 per file).
 */
export class FewerRowIndexes1764500000000 implements MigrationInterface {
  name = 'FewerRowIndexes1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('player_rounds', 'ix_player_rounds_guid_totals');
    await q.dropIndex('weapon_rounds', 'ix_weapon_rounds_guid_round');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex('weapon_rounds', new TableIndex({ name: 'ix_weapon_rounds_guid_round', columnNames: ['guid', 'round_id'] }));
    await q.createIndex('player_rounds', new TableIndex({ name: 'ix_player_rounds_guid_totals', columnNames: ['guid', 'in_totals'] }));
  }
}
