/** One player of a hand-written R1 file; every number is what the player did in the round. */
export interface HandPlayer {
  guid: string;
  /** Shown as is (no colour codes); never a backslash. */
  name: string;
  team: 1 | 2;
  /** All with the Thompson (weapon 5). */
  hits: number;
  shots: number;
  kills: number;
  deaths: number;
  headshots: number;
  damageGiven: number;
  damageReceived: number;
  /** Time played in minutes, one decimal. */
  minutes: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A round-1 stats file as the server's Lua writes it (STATS_FILES.md §1-3, the 38-field era):
 * `YYYY-MM-DD-HHMMSS-<map>-round-1.txt` in UTC, a 9-field header, and one line per player:
 * `GUID\name\rounds\team\mask h s k d hs <space><TAB>` then 38 TAB-separated fields.
 */
export function handWrittenRound(endedAt: Date, map: string, players: HandPlayer[]): { name: string; content: string } {
  const d = endedAt;
  const stamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  const longest = Math.max(...players.map((p) => p.minutes));
  // servername, map, config, round, defender 1 (axis), winner 2 (attackers), timelimit, next timelimit, playtime_ms
  const header = [
    '^1e2e ^7test server',
    map,
    'legacy6',
    '1',
    '1',
    '2',
    '12:00',
    `${Math.floor(longest)}:${pad(Math.round((longest % 1) * 60))}`,
    String(Math.round(longest * 60_000)),
  ].join('\\');
  const lines = players.map((p) => {
    const THOMPSON = 1 << 5;
    const weapons = [THOMPSON, p.hits, p.shots, p.kills, p.deaths, p.headshots].join(' ');
    const fields = [
      p.damageGiven,
      p.damageReceived,
      0,
      0,
      1,
      0,
      0,
      0, // damage, team damage, gibs, self kills, team kills, team gibs
      '80.0',
      10, // alive %, XP
      2,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      1, // sprees, assists, steals, headshot kills, objectives, dynamites, times revived
      p.shots,
      '0.0',
      p.minutes.toFixed(1),
      '0.0',
      '20.0',
      '2.0', // bullets, DPM, time played, tank, time-dead %, time dead
      p.deaths === 0 ? `${p.kills + 1}.0` : (p.kills / p.deaths).toFixed(1), // K/D as written
      p.kills,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0, // useful kills, denied playtime, multikills 2-6, useless, full self-kills, repairs, revives given
    ];
    if (fields.length !== 38) throw new Error(`hand-written line has ${fields.length} fields, not 38`);
    return `${p.guid}\\${p.name}\\0\\${p.team}\\${weapons} \t${fields.join('\t')}`;
  });
  return { name: `${stamp}-${map}-round-1.txt`, content: [header, ...lines].join('\n') + '\n' };
}
