export interface TeamRound {
  roundNumber: number;
  /** Players with time in the round, with their side (1 axis, 2 allies; others ignored). */
  players: readonly { guid: string; team: number }[];
}

/**
 * §6 Persistent teams of a session. Rounds in time order. Seeded from the first R1: its axis side
 * is team A, its allies side team B. In each later round, a player not yet on a team joins the team
 * that most of the already-placed players on the same side belong to (a tie, or nobody placed on
 * that side, follows the side's majority team in that round's other side inverted; failing that A
 * for axis, B for allies). Returns guid -> 'A' | 'B'.
 */
export function persistentTeams(rounds: readonly TeamRound[]): Map<string, 'A' | 'B'> {
  const teams = new Map<string, 'A' | 'B'>();
  const firstR1 = rounds.findIndex((r) => r.roundNumber === 1);
  if (firstR1 < 0) return teams;
  for (const p of rounds[firstR1]!.players) {
    if (p.team === 1) teams.set(p.guid, 'A');
    else if (p.team === 2) teams.set(p.guid, 'B');
  }
  rounds.forEach((round, i) => {
    if (i === firstR1) return;
    const sides = new Map<number, { a: number; b: number }>([
      [1, { a: 0, b: 0 }],
      [2, { a: 0, b: 0 }],
    ]);
    for (const p of round.players) {
      const side = sides.get(p.team);
      const t = teams.get(p.guid);
      if (!side || !t) continue;
      if (t === 'A') side.a++;
      else side.b++;
    }
    for (const p of round.players) {
      if (teams.has(p.guid) || (p.team !== 1 && p.team !== 2)) continue;
      const own = sides.get(p.team)!;
      const other = sides.get(p.team === 1 ? 2 : 1)!;
      let team: 'A' | 'B';
      if (own.a !== own.b) team = own.a > own.b ? 'A' : 'B';
      else if (other.a !== other.b) team = other.a > other.b ? 'B' : 'A';
      else team = p.team === 1 ? 'A' : 'B';
      teams.set(p.guid, team);
    }
  });
  return teams;
}
