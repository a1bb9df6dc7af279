import type { RoundHeaderRow } from 'etbot/plugin-api';
import { clock } from './clock';

const sideName = (team: number) => (team === 1 ? 'axis' : team === 2 ? 'allies' : 'unknown');
const attackersOf = (h: RoundHeaderRow) => (h.defenderTeam === 1 ? 2 : 1);

/** The header fields that decide a result, as written in the file. */
function headerLine(h: RoundHeaderRow): string {
  const winner = h.winnerTeam === 0 ? 'unknown' : sideName(h.winnerTeam);
  return (
    `R${h.roundNumber}: ${h.fileName} · defender ${h.defenderTeam} (${sideName(h.defenderTeam)}) · winner ${h.winnerTeam} (${winner})` +
    ` · time limit ${clock(h.timeLimitSeconds)} · next time limit ${clock(h.nextTimeLimitSeconds)}`
  );
}

/** Spec §6: attackers succeed when winnerteam differs from defenderteam; 0 is unknown. */
function outcomeLine(h: RoundHeaderRow): string {
  const attackers = sideName(attackersOf(h));
  const defenders = sideName(h.defenderTeam);
  if (h.attackersSucceeded === null) return `R${h.roundNumber}: winner 0, so nobody knows who won this round.`;
  if (h.roundNumber === 1) {
    return h.attackersSucceeded
      ? `R1: winner ${h.winnerTeam} ≠ defender ${h.defenderTeam}: the attackers (${attackers}) succeeded and set ${clock(h.nextTimeLimitSeconds)}.`
      : `R1: winner ${h.winnerTeam} = defender ${h.defenderTeam}: the defenders (${defenders}) held the full ${clock(h.timeLimitSeconds)} (fullhold).`;
  }
  return h.attackersSucceeded
    ? `R2: winner ${h.winnerTeam} ≠ defender ${h.defenderTeam}: the attackers (${attackers}) beat ${clock(h.timeLimitSeconds)}.`
    : `R2: winner ${h.winnerTeam} = defender ${h.defenderTeam}: the defenders (${defenders}) held; the attackers did not beat ${clock(h.timeLimitSeconds)}.`;
}

/** The map score rule of spec §6 and §9 (Score, Pairing) applied to these rounds. */
function ruleLine(r1: RoundHeaderRow | null, r2: RoundHeaderRow | null): string {
  if (!r1) return 'Rule: an R2 without its R1 (an orphan) has no map score, and its numbers cover both rounds, so it counts in no total or ranking.';
  if (!r2) return 'Rule: an R1 without its R2 (the map was left after R1) has no map score; its numbers count as one round.';
  if (r1.attackersSucceeded === null || r2.attackersSucceeded === null) return 'Rule: a round with winner 0 leaves the map score unknown.';
  if (!r1.attackersSucceeded && !r2.attackersSucceeded) return 'Rule: both rounds held → 1-1.';
  if (r2.attackersSucceeded) return `Rule: R2 attackers (${sideName(attackersOf(r2))}) beat ${clock(r2.timeLimitSeconds)} → 2-0 for them.`;
  return `Rule: R2 attackers did not beat ${clock(r2.timeLimitSeconds)} → 2-0 for R1's attackers (${sideName(attackersOf(r1))}), who set it.`;
}

/** What in the files could not be trusted, or is missing. */
function uncertainties(r1: RoundHeaderRow | null, r2: RoundHeaderRow | null): string[] {
  const out: string[] = [];
  if (!r1 && r2) out.push(`R1 missing: no R1 of ${r2.map} ended in the 45 minutes before this R2.`);
  if (r1 && !r2) out.push(`R2 missing: no R2 of ${r1.map} ended within 45 minutes after this R1.`);
  for (const h of [r1, r2]) {
    if (!h) continue;
    if (h.winnerTeam === 0) out.push(`R${h.roundNumber} winner is 0: the server did not write who won.`);
    if (h.nextTimeLimitSeconds === 0) out.push(`R${h.roundNumber} next time limit is 0:00: unset by the server.`);
    else if (h.nextTimeLimitSeconds > h.timeLimitSeconds) {
      out.push(
        `R${h.roundNumber} next time limit ${clock(h.nextTimeLimitSeconds)} is longer than its time limit ${clock(h.timeLimitSeconds)}: server uptime after a restart, not a time.`,
      );
    }
    if (h.playtimeMs !== null && h.playtimeMs <= 0) out.push(`R${h.roundNumber} measured playtime is ${h.playtimeMs} ms: unknown.`);
  }
  if (r1 && r2 && r1.attackersSucceeded && r2.timeLimitSeconds !== r1.nextTimeLimitSeconds) {
    out.push(`R2's time to beat ${clock(r2.timeLimitSeconds)} differs from the ${clock(r1.nextTimeLimitSeconds)} R1's attackers set.`);
  }
  return out;
}

/** Why a map (an R1 and R2, or the one of them there is) got its result: files, deciding fields, rule, doubts. */
export function explainMap(r1: RoundHeaderRow | null, r2: RoundHeaderRow | null): { title: string; lines: string[] } {
  const rounds = [r1, r2].filter((h): h is RoundHeaderRow => h !== null);
  const first = rounds[0]!;
  const doubts = uncertainties(r1, r2);
  return {
    title: `Why: ${first.map} · ${first.endedAtLocal.slice(0, 16).replace('T', ' ')}`,
    lines: [
      ...rounds.map(headerLine),
      ...rounds.map(outcomeLine),
      ruleLine(r1, r2),
      doubts.length > 0 ? `Uncertain: ${doubts.join(' ')}` : 'Uncertain: nothing; every deciding field is known.',
    ],
  };
}
