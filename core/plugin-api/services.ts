/**
 * Typed service tokens (Backstage-style service refs). A token carries the service's type,
 * so `api.services.get(QueryServices.PlayerStats)` is typed without casts. Two tokens made with
 * the same name are the same token, so a community plugin can declare the token of another
 * plugin's service without importing that plugin.
 */
export interface ServiceToken<T> {
  readonly id: symbol;
  readonly name: string;
  /** Phantom field: never set, carries T for the type checker. */
  readonly __type?: T;
}

export function createServiceToken<T>(name: string): ServiceToken<T> {
  return { id: Symbol.for(`etbot.service.${name}`), name };
}

export interface ServiceResolver {
  /** The service; throws with the service named when it is not available to this plugin. */
  get<T>(token: ServiceToken<T>): T;
  /** The service, or `undefined` (an optional dependency that is not enabled, a core module not running). */
  getOptional<T>(token: ServiceToken<T>): T | undefined;
  has(token: ServiceToken<unknown>): boolean;
}
