import type { Caller } from '../../plugin-api/commands';

/**
 * The local operator at the terminal is an admin, unless told to act as a given Discord user
 * (`--as ID`), who is then an admin only when the configuration makes them one.
 */
export function consoleCaller(options: { as?: string; roleIds?: string[]; adminUserIds: readonly string[]; adminRoleIds: readonly string[] }): Caller {
  if (!options.as) return { id: 'console', name: 'console', roleIds: [], isAdmin: true };
  const roleIds = options.roleIds ?? [];
  const isAdmin = options.adminUserIds.includes(options.as) || roleIds.some((r) => options.adminRoleIds.includes(r));
  return { id: options.as, name: `user ${options.as}`, roleIds, isAdmin };
}
