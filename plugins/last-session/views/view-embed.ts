import { Colors, type Embed, type EscapeText } from 'etbot/plugin-api';
import { fitLines, teamLabel } from '../summary/format';
import type { TeamId } from '../summary/types';
import type { EraField, PlayerSums } from './player-sums';
import { ERA_FIELD_NAMES, type StatView, type ViewColumn } from './stat-views';

export interface ViewHeader {
  number: number;
  date: string;
  /** The teams' names, when they have one (`!teamname`). */
  teamNames?: Partial<Record<TeamId, string>>;
}

/**
 * One `!last_session` view as an embed page: a field per team with a line per player, the teams'
 * totals, and the fields this session's files lack named in the footer (never shown as zeros).
 */
export function statViewEmbed(view: StatView, header: ViewHeader, players: readonly PlayerSums[], missing: ReadonlySet<EraField>, esc: EscapeText): Embed {
  const columns = view.columns.filter((c) => !c.eraField || !missing.has(c.eraField));
  // Stable sort: equal ranks stay in name order.
  const ranked = [...players].sort((a, b) => view.rank(b) - view.rank(a));
  const fields: { name: string; value: string; inline?: boolean }[] = [];
  const teamLines: string[] = [];
  for (const team of ['A', 'B', null] as const) {
    const members = ranked.filter((p) => p.team === team);
    if (members.length === 0) continue;
    const label = teamName(team, header);
    fields.push({ name: label, value: fitLines(members.map((p) => `**${esc(p.name)}** — ${columnsText(columns, [p], false)}`)) });
    if (team !== null) teamLines.push(`**${label}** — ${columnsText(columns, members, true)}`);
  }
  if (teamLines.length > 0) fields.push({ name: 'Teams', value: fitLines(teamLines) });
  const notes = [...missing].filter((f) => view.columns.some((c) => c.eraField === f)).map((f) => ERA_FIELD_NAMES[f]);
  const footer = [notes.length ? `Not in this session's files: ${notes.join(', ')}.` : null, view.note ?? null].filter((x) => x !== null).join(' ');
  return {
    title: `${view.title} · session #${header.number} · ${header.date}`,
    color: Colors.primary,
    fields,
    footer: footer || undefined,
  };
}

function teamName(team: TeamId | null, header: ViewHeader): string {
  if (team === null) return 'No team';
  const name = header.teamNames?.[team];
  return name ? `${teamLabel(team)} · ${name}` : teamLabel(team);
}

function columnsText(columns: readonly ViewColumn[], players: readonly PlayerSums[], asTeam: boolean): string {
  return columns
    .map((c) => {
      const value = asTeam ? (c.teamValue ?? sumKnown(c))(players) : c.value(players[0]!);
      const shown = value === null ? '-' : c.show ? c.show(value) : String(round1(value));
      const detail = c.detail?.(players);
      return `${shown} ${c.label}${detail ? ` (${detail})` : ''}`;
    })
    .join(' · ');
}

function sumKnown(c: ViewColumn) {
  return (players: readonly PlayerSums[]): number | null => {
    const known = players.map(c.value).filter((v): v is number => v !== null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
  };
}

/** Some per-round fields are written with decimals (spec §3 kinds); counts read better without `.0`. */
function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
