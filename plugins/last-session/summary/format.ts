import {
  Colors,
  formatDuration,
  formatPercent,
  formatRatio,
  type Embed,
  type EscapeText as Escape,
  type SessionOverviewOptions as OverviewOptions,
} from 'etbot/plugin-api';
import { MVP_FORMULA } from './mvp';
import { sessionMapCount } from './map-count';
import type { MapResult, PlayerSessionStats, RoundOutcome, RoundReport, SessionReport, TeamId } from './types';

/** Discord's limit for one field's value. */
const FIELD_LIMIT = 1024;

/** `1 kill`, `2 kills`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function teamLabel(team: TeamId | null): string {
  return team === null ? 'Unknown team' : `Team ${team}`;
}

/** `HH:MM` of a local `YYYY-MM-DDTHH:MM:SS`. */
export function clockTime(local: string): string {
  return local.slice(11, 16);
}

/** `Team A set 7:42`, `Team B held (fullhold)`, `Team B beat 7:42`, `Team A held 7:42`, `outcome unknown`. */
export function outcomeText(roundNumber: number, o: RoundOutcome): string {
  const attackers = o.attackers === null ? 'Attackers' : teamLabel(o.attackers);
  const defenders = o.attackers === null ? 'Defenders' : teamLabel(o.attackers === 'A' ? 'B' : 'A');
  if (o.attackersSucceeded === null) return 'outcome unknown';
  if (roundNumber === 1) return o.attackersSucceeded ? `${attackers} set ${o.timeSet ?? o.timeLimit}` : `${defenders} held (fullhold ${o.timeLimit})`;
  return o.attackersSucceeded ? `${attackers} beat ${o.timeLimit}` : `${defenders} held ${o.timeLimit}`;
}

/** `Team B wins 2-0`, `1-1 draw`, `score unknown`, or why there is none. */
export function mapScoreText(m: MapResult): string {
  if (m.incomplete === 'no-r2') return 'no R2 (map left)';
  if (m.incomplete === 'orphan') return 'R1 missing: not counted';
  if (m.score === null || m.winner === null) return 'score unknown';
  if (m.winner === 'draw') return `${m.score.A}-${m.score.B} draw`;
  const loser = m.winner === 'A' ? 'B' : 'A';
  return `${teamLabel(m.winner)} wins ${m.score[m.winner]}-${m.score[loser]}`;
}

export function mapLine(m: MapResult, esc: Escape): string {
  const parts = [`**${m.position}. ${esc(m.map)}**`];
  if (m.r1) parts.push(`R1 ${outcomeText(1, m.r1)}`);
  if (m.r2) parts.push(`R2 ${outcomeText(2, m.r2)}`);
  parts.push(`**${mapScoreText(m)}**`);
  return parts.join(' · ');
}

export function sessionScoreText(r: SessionReport): string {
  const extra: string[] = [];
  if (r.score.draws > 0) extra.push(r.score.draws === 1 ? '1 draw' : `${r.score.draws} draws`);
  if (r.score.unknown > 0) extra.push(`${r.score.unknown} unknown`);
  return `Team A ${r.score.A} – ${r.score.B} Team B${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** `name — 1.46 K/D · 372 DPM · 38.2% acc · 3 rev` */
export function playerLine(p: PlayerSessionStats, esc: Escape): string {
  const dpm = p.dpm === null ? '-' : Math.round(p.dpm).toString();
  const acc = p.accuracy === null ? '-' : `${p.accuracy.toFixed(1)}%`;
  const rev = p.revivesGiven === null ? '-' : String(p.revivesGiven);
  return `**${esc(p.name)}** — ${formatRatio(p.kd)} K/D (${p.kills}/${p.deaths}) · ${dpm} DPM · ${acc} acc · ${rev} rev`;
}

/** Joins lines up to Discord's field limit, ending with `…and N more` when some do not fit. */
export function fitLines(lines: readonly string[], limit = FIELD_LIMIT): string {
  if (lines.length === 0) return '-';
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? `\n…and ${rest} more`.length : 0;
    if (used + line.length + 1 + tail > limit) {
      out.push(`…and ${lines.length - i} more`);
      return out.join('\n');
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}

/** The `!last_session` overview: when, maps, score, teams with one line per player, MVP. */
export function sessionOverviewEmbed(r: SessionReport, esc: Escape, options: OverviewOptions = {}): Embed {
  const description = [
    `**${r.date}** ${clockTime(r.start)}–${clockTime(r.end)} (${formatDuration(r.durationSeconds)}) · ${esc(r.serverName)}`,
    `${sessionMapCount(r)}, ${count(r.roundCount, 'round')} · **${sessionScoreText(r)}**`,
    r.mvp ? `MVP: **${esc(r.mvp.name)}** (${r.mvp.mvpPoints} points)` : 'MVP: -',
  ].join('\n');
  const fields = [{ name: 'Maps', value: fitLines(r.maps.map((m) => mapLine(m, esc))) }];
  for (const team of r.teams) {
    const players = r.players.filter((p) => p.team === team.id);
    if (players.length === 0) continue;
    fields.push({ name: `${teamLabel(team.id)} · ${team.mapsWon} won`, value: fitLines(players.map((p) => playerLine(p, esc))) });
  }
  const others = r.players.filter((p) => p.team === null);
  if (others.length > 0) fields.push({ name: 'No team', value: fitLines(others.map((p) => playerLine(p, esc))) });
  const prefix = options.prefix ?? '!';
  return {
    title: options.title ?? `Session #${r.number} · ${r.date}`,
    description,
    color: Colors.primary,
    fields,
    image: options.image,
    footer: `${MVP_FORMULA} · ${prefix}last_session maps | weapons | top | graphs | timeline | objectives | support | sprees | combat | time | awards`,
  };
}

export function sessionMapsEmbed(r: SessionReport, esc: Escape): Embed {
  const lines = r.maps.map((m) => {
    const rounds = [m.r1 ? `R1: ${outcomeText(1, m.r1)}` : null, m.r2 ? `R2: ${outcomeText(2, m.r2)}` : null].filter((x) => x !== null);
    return `**${m.position}. ${esc(m.map)}** (${clockTime(m.endedAt)}) — **${mapScoreText(m)}**\n${rounds.join(' · ')}`;
  });
  return {
    title: `Maps · session #${r.number} · ${r.date}`,
    description: fitLines(lines, 4000),
    color: Colors.primary,
    fields: [{ name: 'Score', value: sessionScoreText(r) }],
  };
}

export function sessionWeaponsEmbed(r: SessionReport, esc: Escape): Embed {
  const lines = r.weapons.map(
    (w) => `**${w.name}** — ${count(w.kills, 'kill')}${w.topPlayer ? ` (most: ${esc(w.topPlayer.name)}, ${w.topPlayer.kills})` : ''}`,
  );
  return { title: `Kills by weapon · session #${r.number} · ${r.date}`, description: fitLines(lines, 4000), color: Colors.primary };
}

interface TopStat {
  name: string;
  value: (p: PlayerSessionStats) => number | null;
  show: (p: PlayerSessionStats) => string;
}

const TOP_STATS: readonly TopStat[] = [
  { name: 'Kills', value: (p) => p.kills, show: (p) => String(p.kills) },
  { name: 'K/D', value: (p) => p.kd, show: (p) => formatRatio(p.kd) },
  { name: 'DPM', value: (p) => p.dpm, show: (p) => formatRatio(p.dpm) },
  { name: 'Accuracy', value: (p) => p.accuracy, show: (p) => formatPercent(p.accuracy) },
  { name: 'Headshots', value: (p) => p.headshotPercent, show: (p) => `${formatPercent(p.headshotPercent)} of hits` },
  { name: 'Damage given', value: (p) => p.damageGiven, show: (p) => String(p.damageGiven) },
  { name: 'Revives', value: (p) => p.revivesGiven, show: (p) => String(p.revivesGiven ?? '-') },
  { name: 'Gibs', value: (p) => p.gibs, show: (p) => String(p.gibs) },
  { name: 'XP', value: (p) => p.xp, show: (p) => String(p.xp) },
];

export function sessionTopEmbed(r: SessionReport, esc: Escape): Embed {
  const fields = TOP_STATS.map((stat) => {
    const ranked = r.players
      .filter((p) => stat.value(p) !== null)
      .sort((a, b) => stat.value(b)! - stat.value(a)! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, 3);
    return { name: stat.name, value: fitLines(ranked.map((p, i) => `${i + 1}. ${esc(p.name)} ${stat.show(p)}`)), inline: true };
  });
  return {
    title: `Top players · session #${r.number} · ${r.date}`,
    description: r.mvp ? `MVP: **${esc(r.mvp.name)}** (${r.mvp.mvpPoints} points)` : undefined,
    color: Colors.primary,
    fields,
    footer: MVP_FORMULA,
  };
}

/** `!last_round` and the announcer's round post. */
export function roundEmbed(r: RoundReport, esc: Escape, title?: string): Embed {
  const lines = [`${outcomeText(r.roundNumber, r.outcome)} · ended ${r.endedAt.slice(0, 16).replace('T', ' ')}`];
  if (r.orphan) lines.push('R1 of this map is missing: the numbers cover both rounds and count in no totals.');
  const top = r.players
    .slice(0, 3)
    .map((p, i) => `${i + 1}. **${esc(p.name)}** — ${count(p.kills, 'kill')}, ${count(p.deaths, 'death')}, ${p.damageGiven} damage`);
  const fields = [{ name: 'Top fraggers', value: fitLines(top) }];
  if (r.mvp) fields.push({ name: 'MVP', value: `${esc(r.mvp.name)} (${r.mvp.mvpPoints} points)` });
  if (r.mapResult) fields.push({ name: 'Map result', value: mapScoreText(r.mapResult) });
  return {
    title: title ?? `${esc(r.map)} · round ${r.roundNumber}`,
    description: lines.join('\n'),
    color: r.orphan ? Colors.warning : Colors.success,
    fields,
    footer: count(r.players.length, 'player'),
  };
}
