/** players.botNamePattern's default: the `[BOT]` tag Omni-bot names carry. */
export const DEFAULT_BOT_NAME_PATTERN = '^\\[BOT\\]';

/** Why a players.botNamePattern cannot be used, or null when it can. */
export function botNamePatternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'i');
    return null;
  } catch (err) {
    return `a regular expression (${(err as Error).message})`;
  }
}
