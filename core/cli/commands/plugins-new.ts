import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PLUGIN_API_VERSION } from '../../plugin-api/version';
import { CliUsageError } from '../exit-codes';

/** dist/core/cli/commands -> the etbot package folder. */
const ETBOT_ROOT = path.resolve(__dirname, '../../../..');
const NAME = /^[a-z][a-z0-9-]{0,31}$/;

export interface ScaffoldOptions {
  name: string;
  /**
   * Plugin folder (its test in `test/` inside it). Default: in an etbot checkout `plugins/<name>`;
   * elsewhere `./plugins/<name>` as a package of its own.
   */
  dir?: string;
  cwd?: string;
}

export interface ScaffoldResult {
  /** Absolute paths of the files written. */
  files: string[];
  pluginDir: string;
  /** The `path` to put in plugins.json (relative to the working folder, where plugins.json is). */
  pluginsJsonPath: string;
  /** Whether the folder is a package of its own (outside the etbot tree: own package.json and tsconfig.json). */
  standalone: boolean;
  testFile: string;
}

/** Writes a working plugin (manifest, a command with a typed argument, a test) and returns what it wrote. */
export function scaffoldPlugin(options: ScaffoldOptions): ScaffoldResult {
  const { name } = options;
  if (!NAME.test(name)) {
    throw new CliUsageError(`plugin name '${name}' is not valid: use 1-32 lower-case letters, digits and dashes, starting with a letter (e.g. demo-thing)`);
  }
  const cwd = path.resolve(options.cwd ?? process.cwd());
  // Inside an etbot checkout the plugin is built with the project; anywhere else it is a package of its own.
  const root = etbotProjectAround(cwd);
  const pluginDir = options.dir ? path.resolve(cwd, options.dir) : path.join(root ?? cwd, 'plugins', name);
  const standalone = root === null || !isInside(pluginDir, root);
  // The test lives with the plugin, in the etbot tree as outside it (npm test runs plugins/**/test too).
  const testFile = path.join(pluginDir, 'test', `${name}.test.ts`);
  if (fs.existsSync(pluginDir)) throw new CliUsageError(`${pluginDir} already exists: choose another name or --dir (nothing was written)`);

  const files: [string, string][] = [
    [path.join(pluginDir, 'index.ts'), pluginSource(name)],
    [testFile, testSource(name)],
  ];
  if (standalone) {
    files.push([path.join(pluginDir, 'package.json'), packageJson(name)]);
    files.push([path.join(pluginDir, 'tsconfig.json'), tsconfigJson()]);
  }
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { flag: 'wx' });
  }
  const relative = path.relative(cwd, pluginDir);
  return {
    files: files.map(([f]) => f),
    pluginDir,
    pluginsJsonPath: relative.startsWith('..') || path.isAbsolute(relative) ? pluginDir : relative.split(path.sep).join('/'),
    standalone,
    testFile,
  };
}

export function registerPluginsNewCommand(plugins: Command): void {
  plugins
    .command('new <name>')
    .description('create a plugin folder with a manifest, a command and a test')
    .option('--dir <dir>', 'plugin folder (default: plugins/<name>, its test in plugins/<name>/test)')
    .action((name: string, options: { dir?: string }) => {
      const result = scaffoldPlugin({ name, dir: options.dir });
      process.stdout.write(describe(name, result));
    });
}

function describe(name: string, r: ScaffoldResult): string {
  const cwd = process.cwd();
  const shown = (f: string) => (isInside(f, cwd) ? path.relative(cwd, f) : f);
  const entry = JSON.stringify({ path: r.pluginsJsonPath, enabled: true, options: {} });
  const lines = ['Created:', ...r.files.map((f) => `  ${shown(f)}`), '', 'Next:'];
  if (r.standalone) {
    lines.push(
      `  1. cd ${shown(r.pluginDir)} && npm install && npm test    (builds it and runs its test against etbot)`,
      `  2. enable it: add ${JSON.stringify({ path: path.join(r.pluginDir, 'dist'), enabled: true, options: {} })} to plugins.json`,
    );
  } else {
    lines.push(
      `  1. npm run build`,
      `  2. npx mocha '${path.relative(cwd, r.testFile).replace(/^(.*)\.ts$/, 'dist/$1.js')}'`,
      `  3. enable it: add ${entry} to "plugins" in plugins.json`,
    );
  }
  lines.push(`  Then \`etbot run "!${name}"\` answers. See PLUGINS.md for commands, jobs, events, options and tables.`, '');
  return lines.join('\n');
}

/** The nearest folder at or above `from` whose package.json is etbot's, or null. */
function etbotProjectAround(from: string): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'etbot') return dir;
    } catch {
      /* no package.json here */
    }
    if (path.dirname(dir) === dir) return null;
  }
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function pluginSource(name: string): string {
  const major = PLUGIN_API_VERSION.split('.')[0];
  return `import {
  Colors,
  defineCommand,
  definePlugin,
  nameFormatter,
  QueryServices,
  resolvePlayerArgument,
  z,
  type PlayerResolver,
  type PlayerStatsService,
} from 'etbot/plugin-api';

/** Options in plugins.json: { "path": "...", "options": { "greeting": "Hi" } }. */
const options = z.object({ greeting: z.string().min(1).max(40).default('Hello') }).strict();

/** \`!${name} [player]\`: greets a player with the rounds they played. */
function greetCommand(resolver: PlayerResolver, playerStats: PlayerStatsService, greeting: string) {
  return defineCommand({
    name: '${name}',
    description: 'Greets a player and says how many rounds they played',
    args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)', rest: true }] as const,
    async run(ctx, args) {
      // The player, or the ready reply: not found (with close names), which one?, not linked, no data.
      const { player, reply } = await resolvePlayerArgument(resolver, args.player, ctx);
      if (!player) return reply;
      const { totals } = await playerStats.summary(player);
      const esc = nameFormatter(ctx.transport);
      return {
        embeds: [
          {
            title: \`\${greeting}, \${esc(player.name)}!\`,
            description: \`\${totals.rounds} round\${totals.rounds === 1 ? '' : 's'} played.\`,
            color: Colors.primary,
            footer: \`\${ctx.prefix}${name} <player> greets someone else\`,
          },
        ],
      };
    },
  });
}

export default definePlugin({
  manifest: {
    id: '${name}',
    version: '0.1.0',
    apiVersion: '^${major}.0.0',
    description: 'Generated by etbot plugins new',
  },
  configSchema: options,
  // Core services it cannot work without: checked before register, a missing one is named.
  // Core data is read only through the query services; a table of its own goes in \`entities\` and
  // \`migrations\` and is used through \`api.storage\` (see PLUGINS.md).
  requires: [QueryServices.PlayerResolver, QueryServices.PlayerStats],
  register(api) {
    api.command(greetCommand(api.services.get(QueryServices.PlayerResolver), api.services.get(QueryServices.PlayerStats), api.options.greeting));
  },
});
`;
}

function testSource(name: string): string {
  return `import { expect } from 'chai';
import path from 'node:path';
import { createTestBot, FIXTURES_DIR, loadFixtureTruth, replyText, type TestBot } from 'etbot/testing';

/** The compiled plugin folder (this file runs from its test/ folder). */
const PLUGIN = path.resolve(__dirname, '..');
/** What the fixtures hold, worked out by their generator (fixtures/truth.json). */
const truth = loadFixtureTruth();

describe('${name} plugin', function () {
  // Starting a bot and importing the fixtures takes a few seconds.
  this.timeout(60_000);
  let bot: TestBot;

  before(async () => {
    // A fresh SQLite database with etbot's fixtures imported (20 round files).
    bot = await createTestBot({ plugins: [{ path: PLUGIN }] });
  });

  after(async () => {
    await bot?.stop();
  });

  it('loads through the plugin host', () => {
    const status = bot.app.plugins.list().find((p) => p.id === '${name}');
    expect(status?.state, status?.error ?? 'not listed').to.equal('enabled');
  });

  it('answers its command', async () => {
    const snake = truth.players.find((p) => p.name === 'Snake')!;
    const reply = await bot.run('!${name} Snake');
    expect(replyText(reply)).to.equal(\`Hello, Snake!\\n\${snake.rounds} rounds played.\\n!${name} <player> greets someone else\`);
  });

  it('takes its greeting from the options', async () => {
    // One round file is enough here: Snake played that round.
    const fixtures = [path.join(FIXTURES_DIR, '2025-11-07-204138-supply-round-1.txt')];
    const other = await createTestBot({ plugins: [{ path: PLUGIN, options: { greeting: 'Hi' } }], fixtures });
    try {
      expect(await other.text('!${name} snake')).to.equal('Hi, Snake!\\n1 round played.\\n!${name} <player> greets someone else');
    } finally {
      await other.stop();
    }
  });
});
`;
}

function packageJson(name: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const etbot = require(path.join(ETBOT_ROOT, 'package.json')) as { version: string; devDependencies?: Record<string, string> };
  const dev = etbot.devDependencies ?? {};
  const pick = (pkg: string) => (dev[pkg] ? { [pkg]: dev[pkg] } : {});
  return `${JSON.stringify(
    {
      name: `etbot-plugin-${name}`,
      version: '0.1.0',
      description: `An etbot plugin: ${name}`,
      main: 'dist/index.js',
      scripts: { build: 'tsc -p tsconfig.json', test: "tsc -p tsconfig.json && mocha 'dist/test/**/*.test.js'" },
      peerDependencies: { etbot: `^${etbot.version}` },
      // The etbot this was generated by, linked from its folder (etbot is not on the npm registry).
      devDependencies: {
        etbot: `file:${ETBOT_ROOT}`,
        ...pick('typescript'),
        ...pick('mocha'),
        ...pick('chai'),
        ...pick('@types/mocha'),
        ...pick('@types/node'),
        ...pick('@types/chai'),
      },
    },
    null,
    2,
  )}\n`;
}

function tsconfigJson(): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        lib: ['ES2023'],
        types: ['node', 'mocha'],
        rootDir: '.',
        outDir: 'dist',
        strict: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        esModuleInterop: true,
        skipLibCheck: true,
      },
      include: ['*.ts', 'test/**/*.ts'],
    },
    null,
    2,
  )}\n`;
}
