import type * as DiscordJs from 'discord.js';

/** discord.js is loaded on the first escape, so console-only runs never pay for it (~0.4 s, ~40 MB). */
let escapeMarkdown: typeof DiscordJs.escapeMarkdown | undefined;
function markdownEscaper(): typeof DiscordJs.escapeMarkdown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  escapeMarkdown ??= (require('discord.js') as typeof DiscordJs).escapeMarkdown;
  return escapeMarkdown;
}

/**
 * Escaping rule (one place does it, once):
 * - A Reply's text, embed titles, descriptions and fields are Discord markdown written by the
 *   command. The Discord transport sends them exactly as given and never escapes them.
 * - Any value the command did not write itself (player names, text a user typed, map names from
 *   files) must go through `escapeName()` where the command puts it into that markdown.
 * So nothing is escaped twice, and `**` in a player name shows as `**`, not bold.
 * Mentions (`@everyone`, `<@id>`) never ping: everything the bot sends has `allowed_mentions.parse = []`.
 */
export function escapeName(value: string): string {
  return markdownEscaper()(value, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/^>/gm, '\\>')
    .replace(/<(?=[@#:/]|a:|t:)/g, '\\<');
}

/** Undoes `escapeName` for plain-text output (the console), where markdown is not rendered. */
export function stripEscapes(text: string): string {
  return text.replace(/\\([\\*_`~|>#\-+.[\]()<:])/g, '$1');
}
