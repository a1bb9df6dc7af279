import type { ServiceToken } from '../plugin-api/services';

interface Provision {
  owner: string;
  token: ServiceToken<unknown>;
  value: unknown;
}

/** The services plugins provide to each other (`api.provide`), by token, with their provider. */
export class ProvidedServices {
  private readonly byToken = new Map<symbol, Provision>();

  add(owner: string, token: ServiceToken<unknown>, value: unknown): () => void {
    const existing = this.byToken.get(token.id);
    if (existing) throw new Error(`service '${token.name}' is already provided by plugin '${existing.owner}'`);
    const provision = { owner, token, value };
    this.byToken.set(token.id, provision);
    return () => {
      if (this.byToken.get(token.id) === provision) this.byToken.delete(token.id);
    };
  }

  find(token: ServiceToken<unknown>): Provision | undefined {
    return this.byToken.get(token.id);
  }

  /** Names of the services a plugin provides now. */
  ownedBy(owner: string): string[] {
    return [...this.byToken.values()].filter((p) => p.owner === owner).map((p) => p.token.name);
  }
}
