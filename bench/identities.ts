import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../core/data/database';
import { Sql, num } from '../core/data/sql';
import { IdentitiesService } from '../core/ingest/identities/identities-service';
import { BotRule } from '../core/queries/bots';
import { round, type Figure } from './lib/figures';

/**
 * `!merge` and `!unmerge` on a copy of the big database, the most active player's later half of
 * rounds under a second GUID: every round of the joining GUID, and the rounds paired with them, are
 * written again in one transaction.
 */
export async function benchIdentities(o: { kind: string; url: string; size: string }): Promise<Figure[]> {
  const copy = await copyDatabase(o.url);
  const db = await openDatabase({ url: copy.url, dataDir: os.tmpdir(), migrate: true });
  try {
    // A player who changed PCs halfway: the most active player's later half under a second GUID.
    const { keep, join, joinRounds } = await db.transaction(async (sql) => {
      const top = await sql.one(`SELECT guid, COUNT(*) AS n FROM player_rounds WHERE guid NOT LIKE 'OMNIBOT%' GROUP BY guid ORDER BY COUNT(*) DESC LIMIT 1`);
      const keepGuid = String(top!.guid);
      const joinGuid = 'B0B0CAFE';
      const ids = (await sql.all(`SELECT round_id FROM player_rounds WHERE guid = ? ORDER BY round_id`, [keepGuid])).map((r) => num(r.round_id));
      const later = ids.slice(Math.floor(ids.length / 2));
      for (let i = 0; i < later.length; i += 500) {
        const part = later.slice(i, i + 500);
        for (const table of ['player_rounds', 'weapon_rounds'])
          await sql.run(`UPDATE ${table} SET guid = ? WHERE guid = ? AND round_id IN ${Sql.list(part)}`, [joinGuid, keepGuid, ...part]);
      }
      await sql.run(
        `INSERT INTO players (guid, name, name_lower, raw_name, is_bot, name_source_key, first_seen_utc, last_seen_utc)
         SELECT ?, name, name_lower, raw_name, is_bot, name_source_key, first_seen_utc, last_seen_utc FROM players WHERE guid = ?`,
        [joinGuid, keepGuid],
      );
      return { keep: keepGuid, join: joinGuid, joinRounds: later.length };
    });
    const identities = new IdentitiesService(db, new BotRule());
    const at = `${o.kind}, ${o.size} rounds`;
    let started = Date.now();
    const merged = await identities.merge(keep, join, 'bench');
    const mergeSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    const apart = await identities.unmerge(join);
    const unmergeSeconds = (Date.now() - started) / 1000;
    return [
      {
        name: `!merge of a second GUID with ${joinRounds} rounds (${at})`,
        value: round(mergeSeconds, 1),
        unit: 's',
        note: `${merged.roundIds.length} rounds written again, one transaction`,
      },
      { name: `!unmerge of it (${at})`, value: round(unmergeSeconds, 1), unit: 's', note: `${apart.roundIds.length} rounds written again` },
    ];
  } finally {
    await db.close();
    await copy.drop();
  }
}

/** A throwaway copy: the cached big database stays as built. */
async function copyDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (url.startsWith('sqlite:')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-bench-identities-'));
    const file = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(url.slice('sqlite:'.length), file);
    return { url: `sqlite:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const source = new URL(url);
  const name = `etbot_bench_identities_${process.pid}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const run = async (text: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name}`);
  await run(`CREATE DATABASE ${name} TEMPLATE ${source.pathname.slice(1)}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name}`) };
}
