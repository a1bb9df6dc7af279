import type { RoundRows, SessionRows } from 'etbot/plugin-api';
import { buildMaps, mapResult, attackingTeam, roundOutcome, other, type TeamOf } from './build-maps';
import { roundLines, sumPlayers, weaponTable } from './build-players';
import { pickMvp } from './mvp';
import type { RoundReport, SessionReport, SessionTeam, TeamId } from './types';

/** A session's summary from its stored rows: maps with outcomes and scores, teams, players, weapons, MVP. */
export function buildSessionReport({ session, rounds, players: rows, teamMembers, weaponKills: weapons }: SessionRows): SessionReport {
  const sessionId = session.id;
  const members = new Map(teamMembers.map((m) => [m.guid, m]));
  const teamOf: TeamOf = (guid) => members.get(guid)?.team ?? null;
  const maps = buildMaps(rounds, rows, teamOf);
  const players = sumPlayers(rows, teamOf);
  const score = { A: 0, B: 0, draws: 0, unknown: 0 };
  for (const m of maps) {
    if (m.incomplete) continue;
    if (m.winner === 'draw') score.draws++;
    else if (m.winner) score[m.winner]++;
    else score.unknown++;
  }
  const team = (id: TeamId): SessionTeam => ({
    id,
    members: [...members]
      .filter(([, m]) => m.team === id)
      .map(([guid, m]) => ({ guid, name: m.name }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    mapsWon: score[id],
  });
  const names = new Map(players.map((p) => [p.guid, p.name]));
  const start = session.startLocal;
  const end = session.endLocal;
  const last = rounds[rounds.length - 1];
  return {
    sessionId,
    number: session.number,
    serverId: session.serverId,
    serverName: last?.serverName ?? session.serverId,
    date: start.slice(0, 10),
    start,
    end,
    startUtc: session.startUtc,
    endUtc: session.endUtc,
    durationSeconds: Math.max(0, Math.round((Date.parse(`${end}Z`) - Date.parse(`${start}Z`)) / 1000)),
    roundCount: session.roundCount,
    mapCount: session.mapCount,
    maps,
    teams: [team('A'), team('B')],
    score,
    players,
    weapons: weaponTable(weapons, names),
    mvp: pickMvp(players),
    version: `${sessionId}:${session.endUtc}:${rounds.map((r) => `${r.id}${r.orphan ? 'o' : ''}`).join(',')}`,
  };
}

/** A round's summary from its rows: outcome, players by kills, MVP, and the map result after an R2. */
export function buildRoundReport({ round, partner: paired, players: rows, teamMembers }: RoundRows): RoundReport {
  const partner = paired ?? undefined;
  const members = new Map(teamMembers.map((m) => [m.guid, m]));
  const teamOf: TeamOf = (guid) => members.get(guid)?.team ?? null;

  let attackers = attackingTeam(round, rows, teamOf);
  if (attackers === null && partner) {
    const partnerAttackers = attackingTeam(partner, rows, teamOf);
    attackers = partnerAttackers === null ? null : other(partnerAttackers);
  }
  const players = roundLines(rows, round.id, teamOf);
  const isPairedR2 = round.roundNumber === 2 && partner !== undefined;
  return {
    roundId: round.id,
    sessionId: round.sessionId,
    serverId: round.serverId,
    map: round.map,
    roundNumber: round.roundNumber,
    endedAt: round.endedAtLocal,
    endedAtUtc: round.endedAtUtc,
    fileName: round.fileName,
    contentHash: round.contentHash,
    orphan: round.orphan,
    outcome: roundOutcome(round, attackers),
    players,
    mvp: pickMvp(players),
    mapResult: isPairedR2 ? mapResult(1, partner, round, rows, teamOf) : null,
  };
}
