import { DEFAULT_BOT_NAME_PATTERN } from '../config/bot-name-pattern';

export { DEFAULT_BOT_NAME_PATTERN };

/** A player as the bot rule sees them: identity and the clean names to test. */
export interface BotCandidate {
  guid: string;
  name: string;
  /** Other clean names the player used (a round's name, aliases); any match makes a bot. */
  otherNames?: readonly (string | null | undefined)[];
}

export interface BotRuleSettings {
  /** Keep bots in rankings, MVP, awards, teams, session lists and the rating. */
  includeBots: boolean;
  /** A clean name matching this (case-insensitive) marks a bot, besides the OMNIBOT GUIDs. */
  botNamePattern: string;
}

/** Omni-bots share OMNIBOT0; their identity is OMNIBOT0 + clean name (spec §9 Bots). */
const OMNIBOT_PREFIX = 'OMNIBOT0';

/**
 * The one rule for who is a bot and whether bots are left out. Every query and plugin that ranks,
 * rewards or lists players asks it, so a bot is never left out of one board and kept on another.
 */
export class BotRule {
  private readonly pattern: RegExp;

  constructor(readonly settings: BotRuleSettings = { includeBots: false, botNamePattern: DEFAULT_BOT_NAME_PATTERN }) {
    this.pattern = new RegExp(settings.botNamePattern, 'i');
  }

  get includeBots(): boolean {
    return this.settings.includeBots;
  }

  isBot(player: BotCandidate): boolean {
    if (player.guid.startsWith(OMNIBOT_PREFIX)) return true;
    return [player.name, ...(player.otherNames ?? [])].some((name) => typeof name === 'string' && this.pattern.test(name));
  }

  /** Left out of rankings, ranks, MVP, awards, team detection, session lists and the rating. */
  leftOut(player: BotCandidate): boolean {
    return !this.settings.includeBots && this.isBot(player);
  }
}
