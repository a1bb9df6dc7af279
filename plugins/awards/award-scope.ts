import {
  parseTimeWindow,
  describeWindow,
  resolvePlayerArgument,
  UsageError,
  type AwardScope,
  type CommandContext,
  type PlayerResolver,
  type Reply,
  type RoundValuesService,
  type SessionRowsService,
} from 'etbot/plugin-api';

export interface ResolvedScope {
  scope: AwardScope;
  /** "session #12 · 2025-11-09", "2025-11", "map supply". */
  label: string;
  /** Only this player's awards (`!awards <player>`). */
  player?: { guid: string; name: string };
}

export interface ScopeServices {
  sessions: SessionRowsService;
  values: RoundValuesService;
  resolver: PlayerResolver;
  now: () => number;
}

/** What `!awards [session number | date | window | map:<name> | player]` covers, or a reply saying why nothing. */
export async function resolveAwardScope(text: string | undefined, ctx: CommandContext, s: ScopeServices): Promise<ResolvedScope | Reply> {
  const which = text?.trim() ?? '';
  if (which === '') {
    const id = await s.sessions.lastSessionId();
    return id === null ? { text: 'No gaming sessions yet.' } : sessionScope([id], s);
  }
  if (/^#?\d{1,9}$/.test(which)) {
    const label = await s.values.sessionLabelByNumber(Number(which.replace('#', '')));
    if (label === null) return { text: `No session #${which.replace('#', '')}. \`${ctx.prefix}sessions\` lists them.`, ephemeral: true };
    return { scope: { kind: 'sessions', sessionIds: [label.sessionId] }, label: `session #${label.number} · ${label.startLocal.slice(0, 10)}` };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(which)) {
    parseTimeWindow(which, s.now()); // refuses impossible dates
    const ids = await s.sessions.sessionIdsOnDate(which);
    if (ids.length === 0) return { text: `No session started on ${which}.`, ephemeral: true };
    return { scope: { kind: 'sessions', sessionIds: ids }, label: ids.length === 1 ? (await sessionScope(ids, s)).label : which };
  }
  const map = /^map:(.+)$/i.exec(which);
  if (map) return { scope: { kind: 'window', window: { kind: 'all' }, map: map[1]!.trim() }, label: `map ${map[1]!.trim()}` };
  const window = parseTimeWindow(which, s.now());
  if (window) return { scope: { kind: 'window', window }, label: describeWindow(window) };
  const { player, reply } = await resolvePlayerArgument(s.resolver, which, ctx);
  if (!player) return reply;
  const rows = await s.values.ofPlayers([player.guid]);
  const last = [...rows].reverse().find((r) => r.sessionId !== null);
  if (!last) throw new UsageError(`${player.name} has played in no gaming session`);
  const resolved = await sessionScope([last.sessionId!], s);
  return { ...resolved, player: { guid: player.guid, name: player.name } };
}

async function sessionScope(ids: number[], s: ScopeServices): Promise<ResolvedScope> {
  const label = await s.values.sessionLabel(ids[0]!);
  return { scope: { kind: 'sessions', sessionIds: ids }, label: label ? `session #${label.number} · ${label.startLocal.slice(0, 10)}` : `session ${ids[0]}` };
}
