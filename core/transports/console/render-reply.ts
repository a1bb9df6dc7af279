import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Embed, Reply } from '../../plugin-api/reply';
import { stripEscapes } from '../../text/escape';
import { escapeControlCharacters } from './control-characters';

/**
 * Discord markdown as terminal text: bold markers go and escaped characters show as typed,
 * except inside code (```blocks``` and `spans`), which Discord shows literally too.
 */
function plain(markdown: string): string {
  return markdown
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : stripEscapes(part.replace(/(?<!\\)\*\*/g, ''))))
    .join('');
}

export interface RenderedReply {
  text: string;
  /** Paths of the images written. */
  files: string[];
}

function renderEmbed(embed: Embed): string[] {
  const lines: string[] = [];
  const title = embed.title ? plain(embed.title) : undefined;
  if (title) lines.push(title, '─'.repeat(Math.min(60, Math.max(3, [...title].length))));
  if (embed.description) lines.push(plain(embed.description));
  for (const field of embed.fields ?? []) {
    const name = plain(field.name);
    const value = plain(field.value);
    if (value.includes('\n')) lines.push(`${name}:`, ...value.split('\n').map((l) => `  ${l}`));
    else lines.push(`${name}: ${value}`);
  }
  if (embed.image) lines.push(`[image: ${embed.image}]`);
  if (embed.footer) lines.push('', plain(embed.footer));
  return lines;
}

/**
 * Turns a reply into terminal text; images are written to `outputDir` and their paths listed.
 * Markdown escapes added for Discord (escapeName) are removed: the terminal shows names as typed;
 * control characters are shown escaped. An action (a Discord button) becomes a line naming the
 * command that gives the same answer, with the bot's `prefix`.
 */
export function renderReply(reply: Reply, outputDir: string, prefix = '!'): RenderedReply {
  const blocks: string[] = [];
  if (reply.text) blocks.push(plain(reply.text));
  for (const embed of reply.embeds ?? []) blocks.push(renderEmbed(embed).join('\n'));
  const files: string[] = [];
  if (reply.files && reply.files.length > 0) {
    mkdirSync(outputDir, { recursive: true });
    for (const file of reply.files) {
      const target = path.join(outputDir, path.basename(file.name));
      writeFileSync(target, file.data);
      files.push(target);
    }
    blocks.push(files.map((f) => `Image written: ${f}`).join('\n'));
  }
  if (reply.pagination && !showsPage(reply, reply.pagination.page + 1, reply.pagination.pageCount)) {
    blocks.push(`Page ${reply.pagination.page + 1} of ${reply.pagination.pageCount}`);
  }
  if (reply.actions && reply.actions.length > 0) blocks.push(reply.actions.map((a) => `${plain(a.label)} → ${prefix}${a.command}`).join('\n'));
  return { text: escapeControlCharacters(blocks.join('\n\n')), files };
}

/** Whether the reply already says which page it is (a footer's `page 2/5`): the console then adds no second page line. */
function showsPage(reply: Reply, page: number, pageCount: number): boolean {
  const marker = new RegExp(`\\bpage ${page}/${pageCount}\\b`, 'i');
  return [reply.text, ...(reply.embeds ?? []).map((e) => e.footer)].some((text) => text !== undefined && marker.test(text));
}

/** The reply as JSON: file contents become their size and base64-free description. */
export function replyToJson(reply: Reply, writtenFiles: readonly string[] = []): unknown {
  return {
    text: reply.text ?? null,
    embeds: reply.embeds ?? [],
    files: (reply.files ?? []).map((f, i) => ({ name: f.name, bytes: f.data.length, path: writtenFiles[i] ?? null })),
    pagination: reply.pagination ? { page: reply.pagination.page, pageCount: reply.pagination.pageCount } : null,
    actions: reply.actions ?? [],
    isError: reply.isError === true,
  };
}
