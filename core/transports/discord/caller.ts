import type { Caller } from '../../plugin-api/commands';

export interface AdminRules {
  adminUserIds: readonly string[];
  adminRoleIds: readonly string[];
}

/** A Discord user as a command caller: admin when their id or any of their roles is configured as admin. */
export function discordCaller(user: { id: string; username: string; globalName?: string | null }, roleIds: readonly string[], rules: AdminRules): Caller {
  const isAdmin = rules.adminUserIds.includes(user.id) || roleIds.some((role) => rules.adminRoleIds.includes(role));
  return { id: user.id, name: user.globalName ?? user.username, roleIds: [...roleIds], isAdmin };
}
