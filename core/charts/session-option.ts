import type { EChartsCoreOption } from 'echarts';
import { barPanel, type BarPanelSpec, type PanelParts } from './bar-panel';
import { chartLabel, compactNumber, durationInterval, durationLabel, durationTick } from './labels';
import { SESSION_IMAGE_SIZE, sessionCells } from './session-layout';
import { THEME } from './theme';
import type { SessionChartData, SessionPlayerStats, WeaponKills } from './types';
import { stripColors } from '../parsing/names';

/** More players than this do not fit legibly; the rest are left out (lowest kills first). */
export const MAX_SESSION_PLAYERS = 24;
/** Weapons beyond this are summed into "Other". */
export const MAX_SESSION_WEAPONS = 12;

/** Players in the order every panel shows them: most kills first, then name. */
export function orderPlayers(players: SessionPlayerStats[]): SessionPlayerStats[] {
  return [...players].sort((a, b) => b.kills - a.kills || b.dpm - a.dpm || compareText(stripColors(a.name), stripColors(b.name))).slice(0, MAX_SESSION_PLAYERS);
}

/** Weapons with kills, most first; the tail beyond the limit becomes one "Other" row. */
export function topWeapons(weapons: WeaponKills[]): WeaponKills[] {
  const sorted = weapons.filter((w) => w.kills > 0).sort((a, b) => b.kills - a.kills || compareText(a.name, b.name));
  if (sorted.length <= MAX_SESSION_WEAPONS) return sorted;
  const head = sorted.slice(0, MAX_SESSION_WEAPONS - 1);
  const rest = sorted.slice(MAX_SESSION_WEAPONS - 1).reduce((sum, w) => sum + w.kills, 0);
  return [...head, { name: 'Other', kills: rest }];
}

/** The six-graph session image as a single echarts option with six grids. */
export function buildSessionOption(data: SessionChartData, font: string): EChartsCoreOption {
  const players = orderPlayers(data.players);
  const names = players.map((p) => chartLabel(p.name));
  const weapons = topWeapons(data.weapons);
  const int = (v: number) => String(Math.round(v));
  const longestTime = Math.max(0, ...players.map((p) => Math.max(p.timePlayedSeconds, p.timeDeadSeconds)));
  const s = THEME.series;

  const panels: BarPanelSpec[] = [
    {
      title: 'Kills & deaths',
      categories: names,
      axisLabel: int,
      series: [
        { name: 'Kills', color: s.kills, values: players.map((p) => p.kills), label: int },
        { name: 'Deaths', color: s.deaths, values: players.map((p) => p.deaths), label: int },
      ],
    },
    {
      title: 'Damage per minute',
      categories: names,
      axisLabel: int,
      series: [{ name: 'DPM', color: s.dpm, values: players.map((p) => p.dpm), label: int }],
    },
    {
      title: 'Accuracy',
      categories: names,
      axisLabel: (v) => `${v}%`,
      series: [{ name: 'Accuracy', color: s.accuracy, values: players.map((p) => p.accuracy), label: (v) => `${v.toFixed(1)}%` }],
    },
    {
      title: 'Time played & time dead',
      categories: names,
      axisLabel: durationTick,
      interval: durationInterval(longestTime),
      series: [
        { name: 'Played', color: s.timePlayed, values: players.map((p) => p.timePlayedSeconds), label: durationLabel },
        { name: 'Dead', color: s.timeDead, values: players.map((p) => p.timeDeadSeconds), label: durationLabel },
      ],
    },
    {
      title: 'Damage given & received',
      categories: names,
      axisLabel: compactNumber,
      series: [
        { name: 'Given', color: s.damageGiven, values: players.map((p) => p.damageGiven), label: compactNumber },
        { name: 'Received', color: s.damageReceived, values: players.map((p) => p.damageReceived), label: compactNumber },
      ],
    },
    {
      title: 'Kills by weapon',
      categories: weapons.map((w) => chartLabel(w.name)),
      axisLabel: int,
      series: [{ name: 'Weapon kills', color: s.weapon, values: weapons.map((w) => w.kills), label: int }],
    },
  ];

  const { width, height } = SESSION_IMAGE_SIZE;
  const cells = sessionCells();
  const parts: PanelParts[] = panels.map((spec, i) => barPanel(spec, cells[i]!, i, width, height, font));
  const title = stripColors(data.title).trim() || 'Session';
  const subtitle = `${players.length} player${players.length === 1 ? '' : 's'} · ordered by kills`;

  return {
    backgroundColor: THEME.background,
    textStyle: { fontFamily: font, color: THEME.text },
    title: [
      { text: title, left: 24, top: 20, textStyle: { color: THEME.title, fontSize: 28, fontWeight: 'bold', fontFamily: font } },
      { text: subtitle, right: 24, top: 28, textStyle: { color: THEME.mutedText, fontSize: 16, fontWeight: 'normal', fontFamily: font } },
      ...parts.map((p) => p.title),
    ],
    legend: parts.flatMap((p) => (p.legend ? [p.legend] : [])),
    grid: parts.map((p) => p.grid),
    xAxis: parts.map((p) => p.xAxis),
    yAxis: parts.map((p) => p.yAxis),
    series: parts.flatMap((p) => p.series),
    graphic: parts.flatMap((p) => p.graphic),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
