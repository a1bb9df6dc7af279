import { Colors, type Embed, type Reply, type SessionSummaryService, type Transport } from 'etbot/plugin-api';
import { explainMap } from './explain-map';
import type { SessionMaps } from './find-session-maps';

export const MVP_NEEDS_LAST_SESSION = 'The MVP is picked by the last-session plugin, which is not enabled.';

/** The MVP of a session taken apart, by the plugin that picks it. */
export async function explainSessionMvp(summary: SessionSummaryService | undefined, sessionId: number): Promise<{ title: string; lines: string[] } | null> {
  if (!summary) return null;
  const session = await summary.session(sessionId);
  return session ? summary.explainMvp(session) : null;
}

/**
 * `!why session`: the MVP, then every map's result in play order. Discord shows one a page (a
 * session's maps together pass Discord's limits); the console, which has no pages to turn, all.
 */
export async function whySessionReply(found: SessionMaps, summary: SessionSummaryService | undefined, transport: Transport): Promise<Reply> {
  const mvp = await explainSessionMvp(summary, found.sessionId);
  const parts = [mvp ?? { title: `Why: MVP of session #${found.number}`, lines: [MVP_NEEDS_LAST_SESSION] }, ...found.maps.map((m) => explainMap(m.r1, m.r2))];
  const embed = (i: number, paged: boolean): Embed => ({
    title: parts[i]!.title,
    description: parts[i]!.lines.join('\n'),
    color: Colors.neutral,
    footer: `Session #${found.number} · ${found.date}${paged ? ` · page ${i + 1}/${parts.length}` : ''}`,
  });
  if (transport === 'console' || parts.length === 1) return { embeds: parts.map((_, i) => embed(i, false)) };
  const page = (i: number): Reply => ({
    embeds: [embed(i, true)],
    pagination: { page: i, pageCount: parts.length, goTo: async (p) => page(p) },
  });
  return page(0);
}
