import type { Reply, ReplyAction } from '../plugin-api/reply';

/**
 * What every transport can show: Discord carries the command line in a button's custom id (at
 * most 100 characters, with the transport's own marker in front), a label has at most 80
 * characters, and the actions take one row of at most 5 buttons.
 */
export const ACTION_LIMITS = { label: 80, command: 90, count: 5 } as const;

/** The command an action's line names (its first word), lower case. */
export function actionCommandName(action: ReplyAction): string {
  return (/^\S+/.exec(action.command.trim())?.[0] ?? '').toLowerCase();
}

function shown(action: ReplyAction, exists: (name: string) => boolean): boolean {
  const line = action.command.trim();
  const label = action.label.trim();
  return line !== '' && label !== '' && line.length <= ACTION_LIMITS.command && label.length <= ACTION_LIMITS.label && exists(actionCommandName(action));
}

/**
 * The reply with only the actions whose command exists now (a button to a disabled plugin's
 * command would only answer "unknown command"), and its other pages likewise.
 */
export function withRunnableActions(reply: Reply, exists: (name: string) => boolean): Reply {
  if (!reply.actions && !reply.pagination) return reply;
  const out: Reply = { ...reply };
  if (reply.actions) {
    const actions = reply.actions
      .filter((a) => shown(a, exists))
      .slice(0, ACTION_LIMITS.count)
      .map((a) => ({ label: a.label.trim(), command: a.command.trim() }));
    if (actions.length > 0) out.actions = actions;
    else delete out.actions;
  }
  if (reply.pagination) {
    const pagination = reply.pagination;
    out.pagination = { ...pagination, goTo: async (page) => withRunnableActions(await pagination.goTo(page), exists) };
  }
  return out;
}
