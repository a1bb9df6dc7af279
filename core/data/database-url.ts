import path from 'node:path';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'sqlite'; path: string /* ':memory:' for in-memory */ };

/**
 * Chooses the database from a URL: `postgres://` / `postgresql://` -> PostgreSQL, `sqlite:PATH` ->
 * SQLite file, `sqlite::memory:` -> in-memory SQLite, unset -> `<dataDir>/etbot.sqlite`.
 * DATABASE_URL (passed as `envUrl`) wins over the configured URL.
 */
export function resolveDatabaseTarget(options: { url?: string; envUrl?: string; dataDir: string }): DatabaseTarget {
  const url = nonEmpty(options.envUrl) ?? nonEmpty(options.url);
  if (!url) return { kind: 'sqlite', path: path.resolve(options.dataDir, 'etbot.sqlite') };
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    if (rest === ':memory:') return { kind: 'sqlite', path: ':memory:' };
    if (rest.length === 0) throw new Error(`database url 'sqlite:' needs a path (sqlite:PATH or sqlite::memory:)`);
    return { kind: 'sqlite', path: path.resolve(rest.replace(/^\/\/(?=\/)/, '')) };
  }
  throw new Error(`database url must start with postgres://, postgresql:// or sqlite: (got '${redactUrl(url)}')`);
}

/** A URL fit for logs: the password is replaced. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/** Human readable description of a target, without secrets. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'postgres' ? `PostgreSQL ${redactUrl(target.url)}` : `SQLite ${target.path}`;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s && s.trim().length > 0 ? s.trim() : undefined;
}
