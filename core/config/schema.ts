import { z } from 'zod';
import { databaseUrlProblem } from './database-url';
import { botNamePatternProblem, DEFAULT_BOT_NAME_PATTERN } from './bot-name-pattern';

/** A real IANA zone: Intl knows it (a zone it does not know would fail every import later). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const databaseUrl = z
  .string()
  .min(1)
  .superRefine((url, ctx) => {
    const problem = databaseUrlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

function isRedisUrl(url: string): boolean {
  try {
    return ['redis:', 'rediss:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

const localCollector = z
  .object({
    type: z.literal('local'),
    /** Name shown in logs and `!status`; default `local:<path>`. */
    name: z.string().min(1).optional(),
    serverId: z.string().min(1).default('default'),
    path: z.string().min(1),
    /** A file is taken once its size has been stable this long. */
    settleMs: z.number().int().min(0).max(60_000).default(1000),
  })
  .strict();

const sftpCollector = z
  .object({
    type: z.literal('sftp'),
    name: z.string().min(1).optional(),
    serverId: z.string().min(1).default('default'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(22),
    username: z.string().min(1),
    /** Path of a private key file; its passphrase comes from `passphraseEnv`. */
    privateKeyPath: z.string().min(1).optional(),
    /** Name of the environment variable holding the key passphrase (secrets stay out of files). */
    passphraseEnv: z.string().min(1).optional(),
    /** Name of the environment variable holding the password, when password auth is used. */
    passwordEnv: z.string().min(1).optional(),
    remotePath: z.string().min(1),
    /** known_hosts file to verify the server's host key against... */
    knownHostsPath: z.string().min(1).optional(),
    /** ...or the key's SHA256 fingerprint (`SHA256:...`). */
    hostKeyFingerprint: z.string().min(1).optional(),
    /** Accept and record an unknown host key on first connect (into knownHostsPath). */
    trustOnFirstUse: z.boolean().default(false),
    pollSeconds: z.number().min(2).max(3600).default(30),
    /** On the very first start, fetch only files whose name dates are within this many days. */
    lookBackDays: z.number().int().min(0).optional(),
    stagingDir: z.string().min(1).optional(),
  })
  .strict();

export const collectorSchema = z.discriminatedUnion('type', [localCollector, sftpCollector]);

export const configSchema = z
  .object({
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** IANA zone of the game server's clock (file names carry local time). */
    timezone: z.string().min(1).refine(isTimeZone, 'an IANA time zone such as Europe/Berlin or UTC').default('UTC'),
    /** Folder for the SQLite database, staging and backups. */
    dataDir: z.string().min(1).default('./data'),
    database: z
      .object({
        /** `postgres://...`, `sqlite:PATH`, or unset for `<dataDir>/etbot.sqlite`. Env: DATABASE_URL. */
        url: databaseUrl.optional(),
        /** Log every SQL statement (debug). */
        logging: z.boolean().default(false),
      })
      .strict()
      .default({ logging: false }),
    import: z
      .object({
        /** R2 pairs with an R1 that ended at most this many minutes before it. */
        pairingWindowMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(45),
        /** A gap longer than this between rounds starts a new gaming session. */
        sessionGapMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(60),
        /** A stats file bigger than this is rejected without being read (real files are ~10 KB, a 10,000-player one ~2 MB). */
        maxFileBytes: z
          .number()
          .int()
          .min(1024)
          .max(1024 * 1024 * 1024)
          .default(4 * 1024 * 1024),
      })
      .strict()
      .default({ pairingWindowMinutes: 45, sessionGapMinutes: 60, maxFileBytes: 4 * 1024 * 1024 }),
    collectors: z.array(collectorSchema).default([]),
    cache: z
      .object({
        maxEntries: z.number().int().min(0).default(5000),
        ttlSeconds: z.number().min(0).default(600),
        /** Optional Redis for several instances. Env: REDIS_URL. */
        redisUrl: z.string().min(1).refine(isRedisUrl, 'a URL starting with redis:// or rediss://').optional(),
        /** Instances sharing this namespace invalidate each other's caches (several bots on one Redis: one each). */
        redisNamespace: z
          .string()
          .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : - (1-64)')
          .default('etbot'),
      })
      .strict()
      .default({ maxEntries: 5000, ttlSeconds: 600, redisNamespace: 'etbot' }),
    discord: z
      .object({
        /** REST base; default Discord's. Env: DISCORD_API_URL. */
        apiUrl: z.string().url().optional(),
        guildId: z.string().regex(/^\d+$/, 'a Discord snowflake (digits)').optional(),
        prefix: z.string().min(1).max(5).default('!'),
        adminUserIds: z.array(z.string().regex(/^\d+$/, 'a Discord snowflake (digits)')).default([]),
        adminRoleIds: z.array(z.string().regex(/^\d+$/, 'a Discord snowflake (digits)')).default([]),
        /** Channel for alerts and admin commands. */
        adminChannelId: z.string().regex(/^\d+$/).optional(),
        /** Channel the announcer posts to; the announcer is off without it. */
        announceChannelId: z.string().regex(/^\d+$/).optional(),
        /** Category -> channel ids where that category's commands may run (absent: anywhere). */
        categoryChannels: z.record(z.string(), z.array(z.string().regex(/^\d+$/))).default({}),
      })
      .strict()
      .default({ prefix: '!', adminUserIds: [], adminRoleIds: [], categoryChannels: {} }),
    console: z
      .object({
        /** Where `etbot run` writes reply images. */
        outputDir: z.string().min(1).default('./out'),
      })
      .strict()
      .default({ outputDir: './out' }),
    metrics: z
      .object({
        /** Serve Prometheus metrics on 127.0.0.1:<port> when set. */
        port: z.number().int().min(1).max(65535).optional(),
      })
      .strict()
      .default({}),
    players: z
      .object({
        /** Keep bots (OMNIBOT GUIDs, names matching botNamePattern) in rankings, MVP, awards, teams, session lists and the rating. */
        includeBots: z.boolean().default(false),
        /** A clean name matching this regular expression (case-insensitive) is a bot's. */
        botNamePattern: z
          .string()
          .min(1)
          .superRefine((pattern, ctx) => {
            const problem = botNamePatternProblem(pattern);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          })
          .default(DEFAULT_BOT_NAME_PATTERN),
      })
      .strict()
      .default({ includeBots: false, botNamePattern: DEFAULT_BOT_NAME_PATTERN }),
    /** Path of plugins.json (which plugins are on). */
    pluginsFile: z.string().min(1).default('./plugins.json'),
  })
  .strict();

export type EtbotConfig = z.infer<typeof configSchema>;
export type CollectorConfig = z.infer<typeof collectorSchema>;

/** Secrets come from the environment only and are never printed. */
export interface Secrets {
  discordToken?: string;
  databaseUrl?: string;
  redisUrl?: string;
}
