import {
  NO_ROUNDS_MESSAGE,
  playerProblemReply,
  type CommandContext,
  type DataStatusService,
  type PlayerLookupService,
  type PlayerRef,
  type Reply,
} from 'etbot/plugin-api';

const GUID = /^[0-9A-Fa-f]{8}$/;

/** A link target: a player seen in the rounds, or a well-formed GUID not seen yet. */
export type LinkTarget = { player: PlayerRef; seen: boolean };

export class LinkTargets {
  constructor(
    private readonly players: PlayerLookupService,
    private readonly status: DataStatusService,
  ) {}

  /** A player from a name or GUID; an unseen well-formed GUID is accepted (it may play later). */
  async find(text: string, ctx: CommandContext): Promise<LinkTarget | Reply> {
    const found = (await this.status.hasRounds()) ? await this.players.find(text) : null;
    if (found?.kind === 'found') return { player: found.player, seen: true };
    if (GUID.test(text) && found?.kind !== 'ambiguous') return { player: { guid: text.toUpperCase(), name: text.toUpperCase() }, seen: false };
    if (!found) return { text: `${NO_ROUNDS_MESSAGE} Link with your 8-character GUID instead.`, ephemeral: true };
    return playerProblemReply(found, ctx.transport, ctx.prefix)!;
  }
}
