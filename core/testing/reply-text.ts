import type { Reply } from '../plugin-api/reply';

/** A reply flattened to text: text, then each embed's title, description, `name: value` fields and footer. */
export function replyText(reply: Reply): string {
  const lines: string[] = [];
  if (reply.text) lines.push(reply.text);
  for (const e of reply.embeds ?? []) {
    if (e.title) lines.push(e.title);
    if (e.description) lines.push(e.description);
    for (const f of e.fields ?? []) lines.push(`${f.name}: ${f.value}`);
    if (e.footer) lines.push(e.footer);
  }
  return lines.join('\n');
}
