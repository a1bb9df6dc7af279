import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { redactUrl, urlSecrets } from './database-url';
import { configSchema, type EtbotConfig, type Secrets } from './schema';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** `--config FILE`; otherwise `etbot.config.json` in the working folder when present. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Extra values layered on top (tests, CLI flags). */
  overrides?: Record<string, unknown>;
}

export interface LoadedConfig {
  config: EtbotConfig;
  secrets: Secrets;
  /** Which files were read, in order. */
  sources: string[];
  /** Whether the plugins file was named (config file, ETBOT_PLUGINS_FILE, overrides) rather than the default. */
  pluginsFileNamed: boolean;
}

const DEFAULTS_FILE = path.resolve(__dirname, '../../../config/default.json');

/** Environment variables for deployment settings: variable -> config key path. */
const ENV_KEYS: Record<string, string[]> = {
  DATABASE_URL: ['database', 'url'],
  DISCORD_API_URL: ['discord', 'apiUrl'],
  DISCORD_GUILD_ID: ['discord', 'guildId'],
  ETBOT_LOG_LEVEL: ['logLevel'],
  ETBOT_TIMEZONE: ['timezone'],
  ETBOT_DATA_DIR: ['dataDir'],
  ETBOT_PLUGINS_FILE: ['pluginsFile'],
  REDIS_URL: ['cache', 'redisUrl'],
};

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepMerge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k] as Json, v) : v;
  return out;
}

function setPath(target: Json, keys: string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  node[keys[keys.length - 1]!] = value;
}

function getPath(source: unknown, keys: readonly PropertyKey[]): unknown {
  return keys.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown> | undefined)?.[k], source);
}

function readJson(file: string): Json {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config file ${file}: ${(err as Error).message}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (!isObject(value)) throw new Error('the top level must be an object');
    return value;
  } catch (err) {
    throw new ConfigError(`config file ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Paths with an absolute meaning are resolved against the folder of the file that set them. */
function resolvePaths(config: EtbotConfig, cwd: string): EtbotConfig {
  return {
    ...config,
    dataDir: path.resolve(cwd, config.dataDir),
    pluginsFile: path.resolve(cwd, config.pluginsFile),
    console: { ...config.console, outputDir: path.resolve(cwd, config.console.outputDir) },
  };
}

/**
 * Defaults (config/default.json) <- user file <- environment <- overrides, validated against the
 * schema. A bad value stops start-up with the key, the value, where it came from and what was expected.
 */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const sources: string[] = [];
  let merged: Json = existsSync(DEFAULTS_FILE) ? readJson(DEFAULTS_FILE) : {};

  const userFile = options.file ? path.resolve(cwd, options.file) : path.join(cwd, 'etbot.config.json');
  let user: Json = {};
  if (options.file || existsSync(userFile)) {
    if (!existsSync(userFile)) throw new ConfigError(`config file ${userFile} does not exist`);
    user = readJson(userFile);
    sources.push(userFile);
    merged = deepMerge(merged, user);
  }

  const fromEnv: Json = {};
  const envKeyOf = new Map<string, string>();
  for (const [name, keys] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      setPath(fromEnv, keys, value);
      envKeyOf.set(keys.join('.'), name);
    }
  }
  merged = deepMerge(merged, fromEnv);
  if (options.overrides) merged = deepMerge(merged, options.overrides);

  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const at = issue.path.length ? `${issue.path.join('.')}.` : '';
        return `unknown key ${issue.keys.map((k) => `'${at}${k}'`).join(', ')}`;
      }
      const key = issue.path.join('.');
      const value = shownValue(key, getPath(merged, issue.path));
      const where = envKeyOf.has(key) ? `environment variable ${envKeyOf.get(key)}` : getPath(user, issue.path) !== undefined ? userFile : 'defaults';
      return `${key} is ${value === undefined ? 'missing' : value} (from ${where}): expected ${issue.message.replace(/^Invalid input: expected /, '')}`;
    });
    throw new ConfigError(`invalid configuration:\n  - ${lines.join('\n  - ')}`);
  }

  const secrets: Secrets = {
    discordToken: env.DISCORD_TOKEN || undefined,
    databaseUrl: parsed.data.database.url,
    redisUrl: parsed.data.cache.redisUrl,
  };
  const pluginsFileNamed = [user, fromEnv, options.overrides ?? {}].some((layer) => layer.pluginsFile !== undefined);
  return { config: resolvePaths(parsed.data, cwd), secrets, sources, pluginsFileNamed };
}

/** Secret values to scrub from logs: the token, and passwords inside connection URLs. */
export function secretValues(secrets: Secrets, env: NodeJS.ProcessEnv = process.env, config?: EtbotConfig): string[] {
  const values: string[] = [];
  if (secrets.discordToken) values.push(secrets.discordToken);
  for (const url of [secrets.databaseUrl, secrets.redisUrl]) if (url) values.push(...urlSecrets(url));
  for (const collector of config?.collectors ?? []) {
    if (collector.type !== 'sftp') continue;
    for (const name of [collector.passphraseEnv, collector.passwordEnv]) if (name && env[name]) values.push(env[name]!);
  }
  return values;
}

/** Secrets the environment holds, for text shown before (or without) a loaded configuration. */
export function environmentSecrets(env: NodeJS.ProcessEnv): string[] {
  return secretValues({ discordToken: env.DISCORD_TOKEN || undefined, databaseUrl: env.DATABASE_URL || undefined, redisUrl: env.REDIS_URL || undefined }, env);
}

/** The effective configuration with secrets masked (for `!config` and `etbot config`). */
export function maskedConfig(config: EtbotConfig): EtbotConfig {
  const masked = structuredClone(config);
  if (masked.database.url) masked.database.url = redactUrl(masked.database.url);
  if (masked.cache.redisUrl) masked.cache.redisUrl = redactUrl(masked.cache.redisUrl);
  return masked;
}

/** Keys whose values may hold a password: shown masked in configuration errors. */
const URL_KEYS = new Set(['database.url', 'cache.redisUrl']);

function shownValue(key: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(URL_KEYS.has(key) && typeof value === 'string' ? redactUrl(value) : value);
}
