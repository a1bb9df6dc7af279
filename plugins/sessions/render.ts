import { clip, Colors, formatDuration, formatLocalTime, mapCountText, type Embed, type SessionDetail, type SessionSummary } from 'etbot/plugin-api';

function scoreText(score: { A: number; B: number } | null): string {
  return score === null ? 'score unknown' : `team A ${score.A} - ${score.B} team B`;
}

/** `#12 · 2025-10-25 20:01 · 2h 10m · 6 maps (supply, radar) · 12 players · team A 7 - 5 team B` */
/** Adds up to the map names listed: maps left after R1 and R2s without their R1 are counted apart. */
function sessionMapCount(s: SessionSummary): string {
  return mapCountText({ played: s.maps, leftAfterR1: s.mapsLeftAfterR1, orphanR2s: s.orphanR2s });
}

export function sessionLine(s: SessionSummary, esc: (s: string) => string): string {
  const maps = s.mapNames.length > 0 ? ` (${s.mapNames.slice(0, 5).map(esc).join(', ')}${s.mapNames.length > 5 ? ', ...' : ''})` : '';
  return [
    `#${s.number}`,
    formatLocalTime(s.start),
    formatDuration(s.durationSeconds),
    `${sessionMapCount(s)}${maps}`,
    `${s.playerCount} players`,
    scoreText(s.score),
  ].join(' · ');
}

export function sessionEmbed(s: SessionDetail, esc: (s: string) => string): Embed {
  const teamNames = (team: 'A' | 'B') =>
    clip(
      s.players
        .filter((p) => p.team === team)
        .map((p) => `${esc(p.player.name)} (${p.kills}/${p.deaths})`)
        .join(', ') || '-',
      1024,
    );
  const matches = s.matches.map((m) => `${esc(m.map)}: ${m.score ? `A ${m.score.A} - ${m.score.B} B` : 'score unknown'}`);
  const unpaired = s.roundList.filter((r) => r.orphan).length;
  const fields = [
    { name: 'Time', value: `${formatLocalTime(s.start)} to ${formatLocalTime(s.end).slice(11)} (${formatDuration(s.durationSeconds)})` },
    { name: 'Rounds', value: String(s.rounds), inline: true },
    { name: 'Maps', value: sessionMapCount(s), inline: true },
    { name: 'Players', value: String(s.playerCount), inline: true },
    { name: 'Score', value: scoreText(s.score) },
    { name: 'Maps played', value: matches.length > 0 ? clip(matches.join('\n'), 1024) : '-' },
    { name: 'Team A (kills/deaths)', value: teamNames('A') },
    { name: 'Team B (kills/deaths)', value: teamNames('B') },
  ];
  return {
    title: `Session #${s.number} · ${s.start.slice(0, 10)}`,
    color: Colors.primary,
    fields,
    footer: unpaired > 0 ? `${unpaired} round 2 file(s) without their round 1 are left out of the totals` : undefined,
  };
}
