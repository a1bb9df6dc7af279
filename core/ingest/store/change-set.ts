/** What one import transaction touched, so the derived data around it can be brought up to date. */
export class ChangeSet {
  readonly pairingPoints: { serverId: string; map: string; endedAtMs: number }[] = [];
  readonly sessionPoints: { serverId: string; endedAtMs: number }[] = [];
  /** Sessions whose membership, rounds or rows changed (teams and counts are recomputed). */
  readonly sessionIds = new Set<number>();
  readonly insertedRoundIds = new Set<number>();
  readonly rederivedRoundIds = new Set<number>();
  /** Players whose display name must be looked up again (a round left the totals). */
  readonly guidsToRename = new Set<string>();

  touchRound(serverId: string, map: string, endedAtMs: number, sessionId: number | null): void {
    this.pairingPoints.push({ serverId, map, endedAtMs });
    this.sessionPoints.push({ serverId, endedAtMs });
    if (sessionId !== null) this.sessionIds.add(sessionId);
  }
}
