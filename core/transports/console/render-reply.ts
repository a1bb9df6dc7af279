import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Embed, Reply } from '../../plugin-api/reply';

export interface RenderedReply {
  text: string;
  /** Paths of the images written. */
  files: string[];
}

function renderEmbed(embed: Embed): string[] {
  const lines: string[] = [];
  if (embed.title) lines.push(embed.title, '─'.repeat(Math.min(60, Math.max(3, [...embed.title].length))));
  if (embed.description) lines.push(embed.description);
  for (const field of embed.fields ?? []) {
    if (field.value.includes('\n')) lines.push(`${field.name}:`, ...field.value.split('\n').map((l) => `  ${l}`));
    else lines.push(`${field.name}: ${field.value}`);
  }
  if (embed.image) lines.push(`[image: ${embed.image}]`);
  if (embed.footer) lines.push('', embed.footer);
  return lines;
}

/** Turns a reply into terminal text; images are written to `outputDir` and their paths listed. */
export function renderReply(reply: Reply, outputDir: string): RenderedReply {
  const blocks: string[] = [];
  if (reply.text) blocks.push(reply.text);
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
  if (reply.pagination) blocks.push(`Page ${reply.pagination.page + 1} of ${reply.pagination.pageCount}`);
  return { text: blocks.join('\n\n'), files };
}

/** The reply as JSON: file contents become their size and base64-free description. */
export function replyToJson(reply: Reply, writtenFiles: readonly string[] = []): unknown {
  return {
    text: reply.text ?? null,
    embeds: reply.embeds ?? [],
    files: (reply.files ?? []).map((f, i) => ({ name: f.name, bytes: f.data.length, path: writtenFiles[i] ?? null })),
    pagination: reply.pagination ? { page: reply.pagination.page, pageCount: reply.pagination.pageCount } : null,
    isError: reply.isError === true,
  };
}
