import type { IdentityMap } from '../identities/identity-map';

/** What one import transaction touched, so the derived data around it can be brought up to date. */
export class ChangeSet {
  readonly pairingPoints: { serverId: string; map: string; endedAtMs: number }[] = [];
  readonly sessionPoints: { serverId: string; endedAtMs: number }[] = [];
  /** Sessions whose membership, rounds or rows changed (teams and counts are recomputed). */
  readonly sessionIds = new Set<number>();
  /** Sessions that lost rounds (their stored teams may name players no longer in them). */
  readonly shrunkSessionIds = new Set<number>();
  /** Sessions a removed round belonged to, with their server: they may split or vanish when regrouped. */
  readonly sessionsLosingRounds = new Map<number, string>();
  readonly insertedRoundIds = new Set<number>();
  /** Pairing components already loaded in this transaction, by server and map (see pairing-store). */
  readonly components = new Map<string, unknown>();
  readonly rederivedRoundIds = new Set<number>();
  /** Players whose display name must be looked up again (a round left the totals). */
  readonly guidsToRename = new Set<string>();
  /** Players who lost a round: their aliases are rebuilt from what is left. */
  readonly guidsToRealias = new Set<string>();
  /** The merged GUIDs, read once per transaction (see identities/). */
  identities: IdentityMap | null = null;

  touchRound(serverId: string, map: string, endedAtMs: number, sessionId: number | null): void {
    this.pairingPoints.push({ serverId, map, endedAtMs });
    this.sessionPoints.push({ serverId, endedAtMs });
    if (sessionId !== null) {
      this.sessionIds.add(sessionId);
      this.sessionsLosingRounds.set(sessionId, serverId);
    }
  }

  /** A round of this server and map was removed: components loaded before are stale. */
  forgetComponents(serverId: string, map: string): void {
    this.components.delete(`${serverId}\u0000${map}`);
  }
}
