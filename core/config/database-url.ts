import path from 'node:path';

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string /* ':memory:' for in-memory */ };

/** A database URL etbot cannot use; the message never contains the URL's secrets. */
export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUrlError';
  }
}

const MASK = '***';
const POSTGRES_SCHEME = /^postgres(ql)?:\/\//i;

/**
 * Query parameters pg and libpq read as secrets (or as the place of one): masked like the
 * password. Any other parameter named like a password, key, secret or token is masked as well.
 */
const SECRET_PARAMETERS = new Set(['password', 'sslpassword', 'passfile', 'sslkey']);
const SECRET_LOOKING = /pass|secret|token|key/i;

function isSecretParameter(name: string): boolean {
  return SECRET_PARAMETERS.has(name.toLowerCase()) || SECRET_LOOKING.test(name);
}

/**
 * Why a database URL cannot be used, or null when it can: `postgres://` / `postgresql://` URLs
 * that a URL parser reads (user and password with valid %-escapes; an `@` in the password is
 * read up to the last `@`), `sqlite:PATH` or `sqlite::memory:`.
 */
export function databaseUrlProblem(url: string): string | null {
  if (POSTGRES_SCHEME.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'a PostgreSQL URL such as postgres://user:password@host:5432/database (this one cannot be parsed)';
    }
    for (const part of [parsed.username, parsed.password, ...parsed.searchParams.keys()]) {
      try {
        decodeURIComponent(part);
      } catch {
        return 'a PostgreSQL URL whose user and password are URL-encoded (a % must start an escape such as %25 for % or %40 for @)';
      }
    }
    return null;
  }
  if (/^sqlite:/i.test(url)) {
    return url.slice('sqlite:'.length).trim() === '' ? 'sqlite:PATH or sqlite::memory: (the path is missing)' : null;
  }
  return 'a URL starting with postgres://, postgresql:// or sqlite:';
}

/**
 * Chooses the database from a URL: `postgres://` / `postgresql://` -> PostgreSQL, `sqlite:PATH` ->
 * SQLite file, `sqlite::memory:` -> in-memory SQLite, unset -> `<dataDir>/etbot.sqlite`.
 * DATABASE_URL (passed as `envUrl`) wins over the configured URL.
 */
export function resolveDatabaseTarget(options: { url?: string; envUrl?: string; dataDir: string }): DatabaseTarget {
  const url = nonEmpty(options.envUrl) ?? nonEmpty(options.url);
  if (!url) return { kind: 'sqlite', path: path.resolve(options.dataDir, 'etbot.sqlite') };
  const problem = databaseUrlProblem(url);
  if (problem) throw new DatabaseUrlError(`database url ${redactUrl(url)} is not usable: expected ${problem}`);
  if (POSTGRES_SCHEME.test(url)) return { kind: 'postgres', url };
  const rest = url.slice('sqlite:'.length);
  if (rest === ':memory:') return { kind: 'sqlite', path: ':memory:' };
  return { kind: 'sqlite', path: path.resolve(rest.replace(/^\/\/(?=\/)/, '')) };
}

/** A URL fit for logs and replies: the password, secret query parameters and anything unparsable are masked. */
export function redactUrl(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1] ?? '';
  if (/^sqlite:/i.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${scheme}${scheme ? '//' : ''}${MASK}`;
  }
  if (parsed.password) parsed.password = MASK;
  for (const name of [...parsed.searchParams.keys()]) if (isSecretParameter(name)) parsed.searchParams.set(name, MASK);
  return parsed.toString();
}

/** The secret values inside a URL (as written and decoded), to be scrubbed wherever text is shown. */
export function urlSecrets(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const values: string[] = [];
  if (parsed.password) values.push(parsed.password, safeDecode(parsed.password));
  for (const [name, value] of parsed.searchParams) if (isSecretParameter(name) && value) values.push(value, encodeURIComponent(value));
  return [...new Set(values)];
}

/** Human readable description of a target, without secrets. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'postgres' ? `PostgreSQL ${redactUrl(target.url)}` : `SQLite ${target.path}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function nonEmpty(s: string | undefined): string | undefined {
  return s && s.trim().length > 0 ? s.trim() : undefined;
}
