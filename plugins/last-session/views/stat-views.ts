import { formatDuration } from 'etbot/plugin-api';
import type { EraField, PlayerSums } from './player-sums';

/** One number a view shows per player and per team. */
export interface ViewColumn {
  label: string;
  value: (p: PlayerSums) => number | null;
  show?: (value: number) => string;
  /** The team's number from its players' (default: the sum of the known values). */
  teamValue?: (players: readonly PlayerSums[]) => number | null;
  /** The field behind it, when some eras' files lack it. */
  eraField?: EraField;
  /** Said after the number, in brackets, for one player or a team's players. */
  detail?: (players: readonly PlayerSums[]) => string;
}

export interface StatView {
  key: StatViewKey;
  title: string;
  columns: readonly ViewColumn[];
  /** Players in this order (ties: the session's MVP order). */
  rank: (p: PlayerSums) => number;
  /** Always said under the view (what the files never have). */
  note?: string;
}

export type StatViewKey = 'objectives' | 'support' | 'sprees' | 'combat' | 'time';

/** What each era field is and which scripts write it (spec §3). */
export const ERA_FIELD_NAMES: Record<EraField, string> = {
  deniedPlaytimeSeconds: 'denied playtime (36-field scripts and later)',
  uselessKills: 'useless kills (36-field scripts and later)',
  repairs: 'constructions (37-field scripts and later)',
  revivesGiven: 'revives given (38-field scripts, 2025-10 on)',
};

const best = (pick: (p: PlayerSums) => number) => (players: readonly PlayerSums[]) => (players.length ? Math.max(...players.map(pick)) : 0);
const percentText = (v: number) => `${v.toFixed(1)}%`;
const duration = (seconds: number) => formatDuration(Math.round(seconds));

function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}

/** `3x2 1x3`: how many of each multikill size (2 to 6 kills in a row), the sizes that happened. */
function multikillDetail(players: readonly PlayerSums[]): string {
  const counts = [0, 0, 0, 0, 0];
  for (const p of players) p.multikills.forEach((n, i) => (counts[i]! += n));
  return counts
    .map((n, i) => (n > 0 ? `${n}x${i + 2}` : ''))
    .filter(Boolean)
    .join(' ');
}

const objectiveActions = (p: PlayerSums) => p.objectivesStolen + p.objectivesReturned + p.dynamitesPlanted + p.dynamitesDefused + (p.repairs ?? 0);

export const STAT_VIEWS: Record<StatViewKey, StatView> = {
  objectives: {
    key: 'objectives',
    title: 'Objectives',
    rank: objectiveActions,
    columns: [
      { label: 'stolen', value: (p) => p.objectivesStolen },
      { label: 'returned', value: (p) => p.objectivesReturned },
      { label: 'dynamites planted', value: (p) => p.dynamitesPlanted },
      { label: 'defused', value: (p) => p.dynamitesDefused },
      { label: 'constructions', value: (p) => p.repairs, eraField: 'repairs' },
    ],
  },
  support: {
    key: 'support',
    title: 'Support',
    rank: (p) => (p.revivesGiven ?? 0) * 1000 + p.timesRevived,
    note: 'Ammo and health packs handed out are not in the stats files.',
    columns: [
      { label: 'revives given', value: (p) => p.revivesGiven, eraField: 'revivesGiven' },
      { label: 'times revived (received)', value: (p) => p.timesRevived },
    ],
  },
  sprees: {
    key: 'sprees',
    title: 'Sprees',
    rank: (p) => p.killingSpree * 1000 + p.usefulKills,
    note: 'Sprees are the best single round; multikills are 2, 3, 4, 5 and 6 kills in a row.',
    columns: [
      { label: 'best spree', value: (p) => p.killingSpree, teamValue: best((p) => p.killingSpree) },
      { label: 'worst death spree', value: (p) => p.deathSpree, teamValue: best((p) => p.deathSpree) },
      {
        label: 'multikills',
        value: (p) => p.multikills.reduce((a, b) => a + b, 0),
        detail: multikillDetail,
      },
      { label: 'useful kills', value: (p) => p.usefulKills },
      { label: 'useless kills', value: (p) => p.uselessKills, eraField: 'uselessKills' },
    ],
  },
  combat: {
    key: 'combat',
    title: 'Combat',
    rank: (p) => p.kills * 1e7 + p.damageGiven,
    columns: [
      { label: 'kills', value: (p) => p.kills },
      { label: 'deaths', value: (p) => p.deaths },
      { label: 'headshot kills', value: (p) => p.headshotKills },
      { label: 'gibs', value: (p) => p.gibs },
      { label: 'assists', value: (p) => p.killAssists },
      { label: 'steals', value: (p) => p.killSteals },
      { label: 'damage given', value: (p) => p.damageGiven },
      { label: 'received', value: (p) => p.damageReceived },
    ],
  },
  time: {
    key: 'time',
    title: 'Time',
    rank: (p) => p.timePlayedSeconds,
    note: 'Dead share = time dead / time played.',
    columns: [
      { label: 'played', value: (p) => p.timePlayedSeconds, show: duration },
      { label: 'dead', value: (p) => p.timeDeadSeconds, show: duration },
      {
        label: 'dead share',
        value: (p) => share(p.timeDeadSeconds, p.timePlayedSeconds),
        show: percentText,
        teamValue: (ps) =>
          share(
            ps.reduce((s, p) => s + p.timeDeadSeconds, 0),
            ps.reduce((s, p) => s + p.timePlayedSeconds, 0),
          ),
      },
      { label: 'playtime denied', value: (p) => p.deniedPlaytimeSeconds, show: duration, eraField: 'deniedPlaytimeSeconds' },
    ],
  },
};

export const STAT_VIEW_KEYS = Object.keys(STAT_VIEWS) as StatViewKey[];
