import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/** Column helpers: the QueryRunner API writes the right SQL for PostgreSQL and SQLite. */
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const real = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'double precision', isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const bool = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'boolean', isNullable: nullable });
const index = (name: string, columnNames: string[], isUnique = false): TableIndex => new TableIndex({ name, columnNames, isUnique });

/** Stats files, rounds, players, aliases, per-round player and weapon rows, matches, sessions, teams. */
export class CoreSchema1764000000000 implements MigrationInterface {
  name = 'CoreSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'stats_files',
        columns: [
          id(),
          str('server_id', 64),
          str('name', 255),
          str('content_hash', 64),
          str('status', 16),
          text('reason', true),
          { name: 'warnings', type: 'text', default: "'[]'" },
          int('duplicate_of_id', true),
          text('content', true),
          text('path', true),
          str('source', 128),
          int('size'),
          str('first_seen_at', 32),
          str('updated_at', 32),
        ],
        indices: [
          index('uq_stats_files_server_name', ['server_id', 'name'], true),
          index('ix_stats_files_hash', ['content_hash']),
          index('ix_stats_files_status', ['status']),
        ],
      }),
    );
    // Exactly one imported copy per content, whatever the names and processes.
    await q.query(`CREATE UNIQUE INDEX uq_stats_files_imported_hash ON stats_files (content_hash) WHERE status = 'imported'`);

    await q.createTable(
      new Table({
        name: 'rounds',
        columns: [
          id(),
          int('file_id'),
          str('file_name', 255),
          str('server_id', 64),
          str('map', 128),
          int('round_number'),
          text('server_name'),
          text('server_name_clean'),
          text('config'),
          int('defender_team'),
          int('winner_team'),
          str('time_limit', 16),
          str('next_time_limit', 16),
          int('time_limit_seconds'),
          int('next_time_limit_seconds'),
          int('playtime_ms', true),
          str('ended_at_local', 19),
          str('ended_at_utc', 20),
          str('status', 8),
          int('paired_round_id', true),
          int('match_id', true),
          int('session_id', true),
          bool('attackers_succeeded', true),
          { name: 'player_count', type: 'integer', default: 0 },
        ],
        indices: [
          index('uq_rounds_file', ['file_id'], true),
          index('ix_rounds_server_time', ['server_id', 'ended_at_utc']),
          index('ix_rounds_server_map_time', ['server_id', 'map', 'ended_at_utc']),
          index('ix_rounds_time', ['ended_at_utc']),
          index('ix_rounds_session', ['session_id']),
          index('ix_rounds_match', ['match_id']),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'players',
        columns: [
          { name: 'guid', type: 'varchar', length: '160', isPrimary: true },
          str('name', 160),
          str('name_lower', 160),
          str('raw_name', 160),
          bool('is_bot'),
          str('name_source_key', 300, true),
          str('first_seen_utc', 20),
          str('last_seen_utc', 20),
        ],
        indices: [index('ix_players_name_lower', ['name_lower'])],
      }),
    );

    await q.createTable(
      new Table({
        name: 'player_aliases',
        columns: [
          id(),
          str('guid', 160),
          str('clean_name', 160),
          str('clean_name_lower', 160),
          str('raw_name', 160),
          str('first_seen_utc', 20),
          str('last_seen_utc', 20),
        ],
        indices: [index('uq_player_aliases_guid_name', ['guid', 'clean_name'], true), index('ix_player_aliases_name_lower', ['clean_name_lower'])],
      }),
    );

    await q.createTable(
      new Table({
        name: 'player_rounds',
        columns: [
          { ...int('round_id'), isPrimary: true },
          { ...str('guid', 160), isPrimary: true },
          int('line_number'),
          str('raw_name', 160),
          str('clean_name', 160),
          int('team'),
          int('era'),
          str('derivation', 16),
          bool('counted'),
          bool('in_totals'),
          ...[
            'raw_kills',
            'raw_deaths',
            'raw_hits',
            'raw_shots',
            'raw_headshots',
            'raw_damage_given',
            'raw_damage_received',
            'raw_team_damage_given',
            'raw_team_damage_received',
            'raw_gibs',
            'raw_self_kills',
            'raw_team_kills',
            'raw_team_gibs',
          ].map((c) => int(c)),
          real('raw_alive_percent'),
          int('raw_time_played_tenths'),
          ...[
            'kills',
            'deaths',
            'hits',
            'shots',
            'headshots',
            'damage_given',
            'damage_received',
            'team_damage_given',
            'team_damage_received',
            'gibs',
            'self_kills',
            'team_kills',
            'team_gibs',
          ].map((c) => int(c)),
          real('alive_percent'),
          int('xp'),
          real('killing_spree'),
          real('death_spree'),
          int('kill_assists'),
          real('kill_steals'),
          real('headshot_kills'),
          real('objectives_stolen'),
          real('objectives_returned'),
          int('dynamites_planted'),
          real('dynamites_defused'),
          int('times_revived'),
          int('time_played_tenths'),
          int('time_played_seconds'),
          real('time_dead_minutes'),
          real('useful_kills'),
          real('denied_playtime_seconds', true),
          real('multikill2'),
          real('multikill3'),
          real('multikill4'),
          real('multikill5'),
          real('multikill6'),
          real('useless_kills', true),
          real('full_self_kills', true),
          real('repairs', true),
          int('revives_given', true),
        ],
        indices: [index('ix_player_rounds_guid_totals', ['guid', 'in_totals'])],
      }),
    );

    await q.createTable(
      new Table({
        name: 'weapon_rounds',
        columns: [
          { ...int('round_id'), isPrimary: true },
          { ...str('guid', 160), isPrimary: true },
          { ...int('weapon'), isPrimary: true },
          bool('in_totals'),
          int('raw_hits'),
          int('raw_shots'),
          int('raw_kills'),
          int('raw_deaths'),
          int('raw_headshots'),
          int('hits'),
          int('shots'),
          int('kills'),
          int('deaths'),
          int('headshots'),
        ],
        indices: [
          // (guid, round_id): a round's weapon rows of one player land side by side in the index.
          index('ix_weapon_rounds_guid_round', ['guid', 'round_id']),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'matches',
        columns: [
          id(),
          str('server_id', 64),
          str('map', 128),
          int('r1_round_id'),
          int('r2_round_id'),
          str('ended_at_utc', 20),
          bool('r1_attackers_succeeded', true),
          bool('r2_attackers_succeeded', true),
          int('score_r1_attackers', true),
          int('score_r2_attackers', true),
        ],
        indices: [
          index('uq_matches_r1', ['r1_round_id'], true),
          index('uq_matches_r2', ['r2_round_id'], true),
          index('ix_matches_server_time', ['server_id', 'ended_at_utc']),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'gaming_sessions',
        columns: [
          id(),
          str('server_id', 64),
          str('start_utc', 20),
          str('end_utc', 20),
          str('start_local', 19),
          str('end_local', 19),
          int('round_count'),
          int('map_count'),
        ],
        indices: [index('ix_gaming_sessions_server_start', ['server_id', 'start_utc']), index('ix_gaming_sessions_start', ['start_utc'])],
      }),
    );

    await q.createTable(
      new Table({
        name: 'session_team_members',
        columns: [id(), int('session_id'), str('guid', 160), str('team', 1)],
        indices: [index('uq_session_team_members_session_guid', ['session_id', 'guid'], true), index('ix_session_team_members_guid', ['guid'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['session_team_members', 'gaming_sessions', 'matches', 'weapon_rounds', 'player_rounds', 'player_aliases', 'players', 'rounds']) {
      await q.dropTable(t);
    }
    await q.query(`DROP INDEX uq_stats_files_imported_hash`);
    await q.dropTable('stats_files');
  }
}
