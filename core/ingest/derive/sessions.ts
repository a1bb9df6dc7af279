export interface SessionRound {
  id: number;
  endedAtMs: number;
  fileName: string;
}

/**
 * §6/§9 Sessions: rounds in time order (then file name); a gap strictly greater than
 * `gapMinutes` starts a new session. Returns the groups of round ids, in time order.
 */
export function groupSessions(rounds: readonly SessionRound[], gapMinutes: number): number[][] {
  const gapMs = gapMinutes * 60_000;
  const sorted = [...rounds].sort(compareRounds);
  const groups: number[][] = [];
  let last: SessionRound | undefined;
  for (const r of sorted) {
    if (!last || r.endedAtMs - last.endedAtMs > gapMs) groups.push([]);
    groups[groups.length - 1]!.push(r.id);
    last = r;
  }
  return groups;
}

export function compareRounds(a: SessionRound, b: SessionRound): number {
  return a.endedAtMs - b.endedAtMs || (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0);
}
