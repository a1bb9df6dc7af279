import type { Reply } from '../../core/plugin-api';
import { replyText } from '../../core/testing';

export interface GoldenLine {
  text: string;
  admin?: boolean;
  /** The caller's user id (default the test user). */
  as?: string;
}

export interface GoldenReply {
  line: string;
  text: string;
  /** Attached files by name and kind (bytes differ between runs: fonts, timestamps in PNG). */
  files: string[];
  /** `page/pageCount` when paginated, and the next page's text. */
  pagination: string | null;
  nextPage: string | null;
  isError: boolean;
  /** The reply's action buttons as `label → command`, when it has any. */
  actions?: string[];
}

const ALICE = '300000000000000001';

/** A run through every command of every built-in plugin (and their usage errors). */
export const goldenLines: readonly GoldenLine[] = [
  { text: '!help' },
  { text: '!help', admin: true },
  ...['stats', 'top', 'last_session', 'balance', 'link', 'nope'].map((c) => ({ text: `!help ${c}` })),
  { text: '!stats slasher' },
  { text: '!stats B5F6FD48' },
  { text: '!stats doc' },
  { text: '!stats s' },
  { text: '!stats nobodyatall' },
  { text: '!stats' },
  { text: '!stats [BOT]Bolt' },
  { text: '!player two  spaces x' },
  { text: '!stats Grünwald' },
  ...[
    'kills',
    'kd',
    'dpm',
    'accuracy',
    'headshots',
    'damage',
    'rounds',
    'time',
    'revives',
    'gibs',
    'objectives',
    'efficiency',
    'multikills',
    'usefulkills',
    'denied',
    'xp',
    'teamwork',
    'rating',
  ].map((s) => ({ text: `!top ${s}` })),
  { text: '!top kills 2' },
  { text: '!top kills 3' },
  { text: '!top kd 2025-11-07' },
  { text: '!top revives 2025-11-07' },
  { text: '!top dpm 2025-11' },
  { text: '!top kills 2025-11-01..2025-11-08' },
  { text: '!top nonsense' },
  { text: '!top' },
  { text: '!lb damage' },
  { text: '!compare slasher snake' },
  { text: '!vs "Doc" Rookie' },
  { text: '!compare slasher' },
  { text: '!compare slasher nobodyatall' },
  { text: '!weapons slasher' },
  { text: '!weapon snake' },
  { text: '!weapons' },
  { text: '!maps slasher' },
  { text: '!maps question' },
  { text: '!sessions' },
  { text: '!sessions 2025-11' },
  { text: '!sessions 2024-01' },
  { text: '!sessions notamonth' },
  { text: '!session' },
  { text: '!session 1' },
  { text: '!session 2' },
  { text: '!session 2025-11-07' },
  { text: '!session 99' },
  { text: '!last_session' },
  ...['maps', 'weapons', 'top', 'graphs'].map((v) => ({ text: `!last_session ${v}` })),
  { text: '!ls top' },
  { text: '!last_session nonsense' },
  { text: '!last_round' },
  { text: '!lr' },
  { text: '!why last' },
  { text: '!why et_brewdog' },
  { text: '!why etl_sp_delivery' },
  { text: '!why kd slasher' },
  { text: '!why mvp' },
  { text: '!why nothing' },
  { text: '!rating slasher' },
  { text: '!rating' },
  { text: '!elo snake' },
  { text: '!balance slasher snake rookie question' },
  { text: '!balance slasher snake rookie question sub.way mr.' },
  { text: '!balance slasher' },
  { text: '!link' },
  { text: '!link slasher', as: ALICE },
  { text: '!stats', as: ALICE },
  { text: '!rating', as: ALICE },
  { text: '!link snake', as: ALICE },
  { text: '!unlink', as: ALICE },
  { text: '!stats', as: ALICE },
  { text: `!link <@${ALICE}> 39137DDE` },
  { text: `!link <@${ALICE}> 39137DDE`, admin: true },
  { text: '!weapons', as: ALICE },
  { text: `!unlink <@${ALICE}>`, admin: true },
  { text: '!rejected' },
  { text: '!rejected', admin: true },
  { text: '!rejected 2', admin: true },
  { text: '!plugins', admin: true },
  { text: '!plugin disable maps', admin: true },
  { text: '!maps slasher' },
  { text: '!plugin enable maps', admin: true },
  { text: '!maps slasher' },
  { text: '!plugin reload nope', admin: true },
  { text: '!cache clear', admin: true },
  { text: '!cache', admin: true },
  { text: '!regroup sessions', admin: true },
  { text: '!sessions 2025-11' },
  { text: '!reimport nothere.txt', admin: true },
  { text: '!import', admin: false },
  { text: '!audit' },
  { text: '!awards' },
  { text: '!awards 1' },
  { text: '!last_session awards' },
  { text: '!records' },
  { text: '!records supply' },
  { text: '!pb slasher' },
  // The session story (issue 22).
  ...['objectives', 'support', 'sprees', 'combat', 'time', 'timeline'].map((v) => ({ text: `!last_session ${v}` })),
  { text: '!last_session support 1' },
  { text: '!teams' },
  { text: '!teams 1' },
  { text: '!h2h slasher viper?' },
  // The "Why?" buttons (issue 19).
  { text: '!why session' },
  { text: '!why session 1' },
  { text: '!why mvp 1' },
  { text: '!why session 99' },
  { text: '!plugin disable why', admin: true },
  { text: '!last_round' },
  { text: '!last_session maps' },
  { text: '!plugin enable why', admin: true },
  { text: '!last_round' },
];

/** A reply as text with what varies between runs (temp folders, clock times) masked. */
export async function normaliseReply(line: GoldenLine, reply: Reply): Promise<GoldenReply> {
  // Plugin versions and handler counts in `!plugins` change with the plugins themselves, not their replies.
  const mask = (text: string) =>
    text
      .split(process.cwd())
      .join('<cwd>')
      .replace(/ \d+\.\d+\.\d+ (enabled|disabled|failed) - (\d+) commands, (\d+) jobs, \d+ handlers/g, ' <version> $1 - $2 commands, $3 jobs')
      .replace(/\/tmp\/[^\s`'")]+/g, '<tmp>')
      .replace(/\b\d+(\.\d+)? ?ms\b/g, '<ms>');
  const p = reply.pagination;
  const next = p && p.pageCount > p.page + 1 ? mask(replyText(await p.goTo(p.page + 1))) : null;
  return {
    line: line.text,
    text: mask(replyText(reply)),
    files: (reply.files ?? []).map((f) => f.name),
    pagination: p ? `${p.page + 1}/${p.pageCount}` : null,
    nextPage: next,
    isError: reply.isError === true,
    ...(reply.actions ? { actions: reply.actions.map((a) => `${a.label} → ${a.command}`) } : {}),
  };
}
