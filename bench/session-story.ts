import type { SessionRowsService } from '../core/queries/session-rows';
import { QueryServices } from '../core/queries/tokens';
import { startCommandApp } from './lib/command-app';
import { round, type Figure } from './lib/figures';
import { measure } from './lib/timing';

const VIEWS = ['objectives', 'support', 'sprees', 'combat', 'time'];

/**
 * The session story (issue 22) on a big database: each `!last_session` view and the timeline image
 * with the query and chart caches emptied before every run, and `!teams` and `!h2h` (which read
 * every session's teams and maps) uncached.
 */
export async function benchSessionStory(kind: string, url: string, size: string, runs: number): Promise<Figure[]> {
  const bot = await startCommandApp(url);
  const figures: Figure[] = [];
  const push = (name: string, l: { p50: number; p95: number }, target?: number) =>
    figures.push({
      name: `${name} p95 (${kind}, ${size} rounds)`,
      value: round(l.p95),
      unit: 'ms',
      target: target === undefined ? undefined : { op: '<=', value: target },
      note: `p50 ${round(l.p50)} ms`,
    });
  try {
    for (const view of VIEWS)
      push(`!last_session ${view} uncached`, await measure(runs, () => bot.run(`!last_session ${view}`), { before: bot.invalidate }), 20);
    push(
      '!last_session timeline (image) uncached',
      await measure(Math.min(runs, 15), () => bot.run('!last_session timeline'), { before: bot.invalidate }),
      250,
    );
    push('!teams uncached', await measure(Math.min(runs, 5), () => bot.run('!teams'), { before: bot.invalidate, warmup: 1 }));
    const rows = bot.app.container.resolve<SessionRowsService>(QueryServices.SessionRows.id);
    const last = await rows.session((await rows.lastSessionId())!);
    const [a, b] = [...new Set(last!.players.map((p) => p.guid))];
    if (a && b) push('!h2h of two players uncached', await measure(Math.min(runs, 5), () => bot.run(`!h2h ${a} ${b}`), { before: bot.invalidate, warmup: 1 }));
  } finally {
    await bot.stop();
  }
  return figures;
}
