import type { Caller } from '../plugin-api/commands';
import type { LinkService } from '../links/link-service';
import type { PlayerLookupService } from './player-lookup';
import type { DataStatusService } from './data-status';
import type { PlayerLookup, PlayerRef } from './types';

const MENTION = /^<@!?(\d{15,22})>$/;

export type ResolvedPlayer =
  | PlayerLookup
  /** No argument and the caller has no linked player (or a mentioned user has none). */
  | { kind: 'not-linked'; userId: string; self: boolean }
  | { kind: 'no-data' };

/**
 * What every player command does with its optional `player` argument: a name, GUID or alias;
 * an @mention (that user's linked player); nothing (the caller's linked player).
 */
export class PlayerResolver {
  constructor(
    private readonly lookup: PlayerLookupService,
    private readonly links: LinkService,
    private readonly status: DataStatusService,
  ) {}

  async resolve(input: string | undefined, caller: Caller): Promise<ResolvedPlayer> {
    if (!(await this.status.hasRounds())) return { kind: 'no-data' };
    const text = input?.trim() ?? '';
    const mention = MENTION.exec(text);
    if (text === '' || mention) {
      const userId = mention ? mention[1]! : caller.id;
      const guid = await this.links.guidFor(userId);
      const player = guid ? await this.lookup.byGuid(guid) : null;
      if (!player) return { kind: 'not-linked', userId, self: !mention || userId === caller.id };
      return { kind: 'found', player, matchedBy: 'guid' };
    }
    return this.lookup.find(text);
  }

  /** The caller's linked player, if any (for "your rank" lines). */
  async linkedPlayer(userId: string): Promise<PlayerRef | null> {
    const guid = await this.links.guidFor(userId);
    return guid ? this.lookup.byGuid(guid) : null;
  }
}
