/**
 * Typed service tokens (Backstage-style service refs). A token carries the service's type,
 * so `api.services.get(Services.Logger)` is typed without casts.
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
  get<T>(token: ServiceToken<T>): T;
  has(token: ServiceToken<unknown>): boolean;
}
