import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Drops the indexes by player on weapon_rounds, and a redundant one on player_rounds: every
 * imported weapon row (about 100 per file) paid for two index entries beside its primary key, and
 * those were most of the import's database time. A player's weapon rows are now found through
 * their player rows (`ix_player_rounds_guid_round`, then the primary key (round_id, guid, weapon));
 * every player's weapon sums by walking the primary key. `ix_player_rounds_guid_totals`
 * (guid, in_totals) is the leading part of `ix_player_rounds_guid_round` (guid, in_totals, round_id).
 */
export class FewerRowIndexes1764500000000 implements MigrationInterface {
  name = 'FewerRowIndexes1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('player_rounds', 'ix_player_rounds_guid_totals');
    await q.dropIndex('weapon_rounds', 'ix_weapon_rounds_guid_round');
    await q.dropIndex('weapon_rounds', 'ix_weapon_rounds_player_sums');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'weapon_rounds',
      new TableIndex({ name: 'ix_weapon_rounds_player_sums', columnNames: ['guid', 'in_totals', 'weapon', 'kills', 'deaths', 'hits', 'shots', 'headshots'] }),
    );
    await q.createIndex('weapon_rounds', new TableIndex({ name: 'ix_weapon_rounds_guid_round', columnNames: ['guid', 'round_id'] }));
    await q.createIndex('player_rounds', new TableIndex({ name: 'ix_player_rounds_guid_totals', columnNames: ['guid', 'in_totals'] }));
  }
}
