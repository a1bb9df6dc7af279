import { html, jsonData, type SafeHtml } from '../html';
import type { SiteData } from '../site-data';
import { playerLink, sortableTable } from './tables';

type Session = Awaited<ReturnType<SiteData['session']>>;
type Player = Session['players'][number];

/** The summary block the home page and the session page share: when, maps with scores, teams. */
export function sessionSummary(s: Session, base: string, headingLevel: 'h1' | 'h2'): SafeHtml {
  const heading = html`Session <a href="${base}/sessions/${s.number}">#${s.number}</a> · ${s.start.slice(0, 10)}`;
  return html`${headingLevel === 'h1' ? html`<h1>${heading}</h1>` : html`<h2>${heading}</h2>`}
    <p class="muted">${s.startText} to ${s.endText.slice(11)} (${s.duration}) · ${s.rounds} rounds · ${s.maps} maps · ${s.playerCount} players</p>
    <p class="score" id="session-score">${s.scoreText}</p>
    <div class="table-wrap">
      <table class="maps" id="session-maps">
        <thead>
          <tr>
            <th>Map</th>
            <th>Ended</th>
            <th class="num">Score</th>
          </tr>
        </thead>
        <tbody>
          ${s.matches.map(
            (m) =>
              html`<tr>
                <td>${m.map}</td>
                <td>${m.endedAt.slice(11, 16)}</td>
                <td class="num">${m.score ? `A ${m.score.A} - ${m.score.B} B` : 'score unknown'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

function teamTable(s: Session, team: 'A' | 'B' | null, base: string): SafeHtml {
  const members = s.players.filter((p) => p.team === team);
  if (members.length === 0) return html``;
  return html`<section class="card">
    <h2>${team ? `Team ${team}` : 'No team'}</h2>
    ${sortableTable(
      `team-${team ?? 'none'}`,
      [
        { title: 'Player', cell: (p: Player) => playerLink(base, p.player) },
        { title: 'Rounds', cell: (p: Player) => p.rounds, sortValue: (p: Player) => p.rounds, numeric: true },
        { title: 'Kills', cell: (p: Player) => p.kills, sortValue: (p: Player) => p.kills, numeric: true },
        { title: 'Deaths', cell: (p: Player) => p.deaths, sortValue: (p: Player) => p.deaths, numeric: true },
        { title: 'K/D', cell: (p: Player) => p.kdText, sortValue: (p: Player) => p.kd, numeric: true },
        { title: 'Damage', cell: (p: Player) => p.damageGiven, sortValue: (p: Player) => p.damageGiven, numeric: true },
        { title: 'DPM', cell: (p: Player) => p.dpmText, sortValue: (p: Player) => p.dpm, numeric: true },
      ],
      members,
    )}
  </section>`;
}

/** One session: summary, teams, and graphs the page draws (kills and deaths, DPM per player). */
export async function sessionPage(data: SiteData, base: string, which: string): Promise<{ title: string; main: SafeHtml }> {
  const s = await data.session(which);
  const chartData = s.players.map((p) => ({ name: p.player.name, team: p.team, kills: p.kills, deaths: p.deaths, dpm: p.dpm ?? 0 }));
  const main = html`${sessionSummary(s, base, 'h1')} ${teamTable(s, 'A', base)} ${teamTable(s, 'B', base)} ${teamTable(s, null, base)}
    <section class="card">
      <h2>Kills and deaths</h2>
      <div class="chart tall" data-chart="session-kills" data-source="session-data"></div>
    </section>
    <section class="card">
      <h2>Damage per minute</h2>
      <div class="chart tall" data-chart="session-dpm" data-source="session-data"></div>
    </section>
    ${jsonData('session-data', chartData)}`;
  return { title: `Session #${s.number}`, main };
}

/** The sessions of a month, with links to the other months. */
export async function sessionsPage(data: SiteData, base: string, month: string | undefined): Promise<SafeHtml> {
  const list = await data.sessionList(month);
  if (!list.month)
    return html`<h1>Sessions</h1>
      <p class="empty">No gaming sessions yet.</p>`;
  type Row = (typeof list.sessions)[number];
  return html`<h1>Sessions in ${list.month}</h1>
    <nav class="months">${list.months.map((m) => (m === list.month ? html`<strong>${m}</strong>` : html`<a href="${base}/sessions?month=${m}">${m}</a>`))}</nav>
    ${sortableTable(
      'sessions',
      [
        { title: '#', cell: (s: Row) => html`<a href="${base}/sessions/${s.number}">#${s.number}</a>`, sortValue: (s: Row) => s.number, numeric: true },
        { title: 'Start', cell: (s: Row) => s.startText },
        { title: 'Length', cell: (s: Row) => s.duration, sortValue: (s: Row) => s.durationSeconds, numeric: true },
        { title: 'Maps', cell: (s: Row) => `${s.maps} (${s.mapNames.join(', ')})`, sortValue: (s: Row) => s.maps },
        { title: 'Players', cell: (s: Row) => s.playerCount, sortValue: (s: Row) => s.playerCount, numeric: true },
        { title: 'Score', cell: (s: Row) => s.scoreText },
      ],
      list.sessions,
    )}`;
}
