// ESLint flat config (issue #17): typescript-eslint's non-type-aware recommended rules, a few of our
// own, the plugin boundary and the core layers. Formatting is Prettier's job (eslint-config-prettier
// switches off every rule that would disagree with it).
'use strict';

const path = require('node:path');
const js = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier/flat');

// ---------------------------------------------------------------------------------------------
// Core layers, lowest first. A file in core/<folder>/ may import at run time only from its own
// layer or a lower one; type-only imports (`import type`, `export type`) are always fine.
// Edit this table (and STRICTER below) to move a folder; folders not listed (features on their way
// to plugins/) are not checked.
const CORE_LAYERS = [
  ['config', 'logging', 'events', 'text', 'plugin-api'],
  ['parsing', 'data'],
  ['ingest', 'queries', 'cache', 'charts', 'links', 'export', 'metrics', 'announcements'],
  ['collectors', 'transports', 'scheduler', 'commands'],
  ['plugin-host'],
  ['app', 'cli', 'testing'],
];

// Folders held to more than "nothing from above at run time":
//   runtimeFrom: the only other core folders it may import at run time (every other one: types only)
//   typesFrom:   the only other core folders it may import at all (implies runtimeFrom: [])
const STRICTER = {
  // The public types: run-time code of its own only, types from the rest of core.
  'plugin-api': { runtimeFrom: [] },
  // Pure: nothing else from core except the logging types.
  // (the generator's truth is written in the export's types: one definition of what a user gets)
  parsing: { typesFrom: ['logging', 'export'] },
};

// Files outside the layer rule: each folder's module.ts is its slice of the composition root (the
// app layer, wherever it sits), and the plugin API's index is the facade that re-exports the
// public surface of every layer.
const LAYER_EXEMPT = ['core/*/module.ts', 'core/transports/discord/discord-module.ts', 'core/plugin-api/index.ts'];

// Plugin folders: plugins/<id>/ and examples/<id>/.
const PLUGIN_ROOTS = ['plugins', 'examples'];
// How deep a core file can sit below core/<folder>/ (core/collectors/sftp/x.ts is depth 2).
const MAX_CORE_DEPTH = 5;
// ---------------------------------------------------------------------------------------------

const repoRoot = __dirname;
const layerOf = new Map(CORE_LAYERS.flatMap((folders, i) => folders.map((f) => [f, i + 1])));
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (names) => `(${names.map(esc).join('|')})`;

/** The restricted-import patterns of a core folder for files `depth` levels below core/<folder>/. */
function corePatterns(folder, depth) {
  const up = `^(\\.\\./){${depth}}`; // exactly back to core/
  const layer = layerOf.get(folder);
  const rule = STRICTER[folder];
  const where = `core/${folder} (layer ${layer})`;
  if (rule?.typesFrom) {
    const patterns = [
      {
        regex: `${up}(?!${alt([folder, ...rule.typesFrom])}(/|$))`,
        message: `core layers: ${where} may import nothing else from core except types from ${rule.typesFrom.map((f) => `core/${f}`).join(', ')}.`,
      },
    ];
    if (rule.typesFrom.length > 0) {
      patterns.push({
        regex: `${up}${alt(rule.typesFrom)}(/|$)`,
        allowTypeImports: true,
        message: `core layers: ${where} may import only types (\`import type\`) from ${rule.typesFrom.map((f) => `core/${f}`).join(', ')}.`,
      });
    }
    return patterns;
  }
  if (rule?.runtimeFrom) {
    return [
      {
        regex: `${up}(?!${alt([folder, ...rule.runtimeFrom])}(/|$))`,
        allowTypeImports: true,
        message: `core layers: ${where} may import only types (\`import type\`) from the rest of core${
          rule.runtimeFrom.length ? ` (run-time code only from ${rule.runtimeFrom.map((f) => `core/${f}`).join(', ')})` : ''
        }.`,
      },
    ];
  }
  return [...layerOf]
    .filter(([, l]) => l > layer)
    .map(([higher, l]) => ({
      regex: `${up}${esc(higher)}(/|$)`,
      allowTypeImports: true,
      message: `core layers: ${where} must not import core/${higher} (layer ${l}) at run time; layers import downwards only (\`import type\` is fine).`,
    }));
}

function coreLayerBlocks() {
  const blocks = [];
  for (const folder of layerOf.keys()) {
    for (let depth = 1; depth <= MAX_CORE_DEPTH; depth++) {
      const patterns = corePatterns(folder, depth);
      if (patterns.length === 0) continue;
      blocks.push({
        name: `etbot/core-layers/${folder}/depth-${depth}`,
        files: [`core/${folder}/${'*/'.repeat(depth - 1)}*.{ts,js}`],
        ignores: LAYER_EXEMPT,
        rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
      });
    }
  }
  return blocks;
}

/**
 * Plugin boundary: a file in plugins/<id>/ (or examples/<id>/) imports only etbot/plugin-api,
 * etbot/testing (in its tests), packages, node builtins and relative paths inside its own folder.
 * Checks import/export ... from, import(), import x = require(), import('...') types and require().
 */
const pluginBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'plugins import only etbot/plugin-api (and etbot/testing in tests)' },
    schema: [],
    messages: { forbidden: 'plugins import only etbot/plugin-api (and etbot/testing in tests): {{what}}' },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const rel = path.relative(repoRoot, filename).split(path.sep).join('/');
    const m = new RegExp(`^(${PLUGIN_ROOTS.map(esc).join('|')})/([^/]+)/`).exec(rel);
    if (!m) return {};
    const pluginDir = path.join(repoRoot, m[1], m[2]);
    const pluginName = `${m[1]}/${m[2]}/`;
    const inTest = rel.startsWith(`${pluginName}test/`) || /\.test\.[cm]?[jt]sx?$/.test(rel);

    function problem(spec) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(filename), spec);
        const inside = path.relative(pluginDir, target);
        if (inside.startsWith('..') || path.isAbsolute(inside)) return `'${spec}' leaves ${pluginName}`;
        return null;
      }
      if (path.isAbsolute(spec) || spec.startsWith('/') || /^[a-z]:[\\/]/i.test(spec) || spec.startsWith('file:')) {
        return `'${spec}' is an absolute path`;
      }
      if (spec === 'etbot' || spec.startsWith('etbot/')) {
        if (spec === 'etbot/plugin-api') return null;
        if (spec === 'etbot/testing') return inTest ? null : `'etbot/testing' outside a test file (${pluginName}test/** or *.test.ts)`;
        return `'${spec}' is not a public entry point`;
      }
      return null; // a package or a node builtin
    }
    function check(node) {
      if (!node) return;
      let spec;
      if (node.type === 'Literal' && typeof node.value === 'string') spec = node.value;
      else if (node.type === 'TemplateLiteral' && node.expressions.length === 0) spec = node.quasis[0].value.cooked;
      if (spec === undefined) return;
      const what = problem(spec);
      if (what) context.report({ node, messageId: 'forbidden', data: { what } });
    }
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      TSExternalModuleReference: (n) => check(n.expression),
      TSImportType: (n) => check(n.argument?.type === 'TSLiteralType' ? n.argument.literal : n.argument),
      CallExpression(n) {
        const c = n.callee;
        const isRequire =
          (c.type === 'Identifier' && c.name === 'require') ||
          (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'require' && c.property.name === 'resolve');
        if (isRequire) check(n.arguments[0]);
      },
    };
  },
};

const nodeGlobals = Object.fromEntries(
  ['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'setTimeout', 'clearTimeout', 'URL'].map((g) => [g, 'readonly']),
);

module.exports = defineConfig(
  {
    name: 'etbot/ignores',
    ignores: ['dist/', 'node_modules/', 'coverage/', 'out/', 'data/', 'bench/results/', '.etbot-tmp/', 'fixtures/**/*.txt', '**/*.d.ts'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'etbot/all',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { etbot: { rules: { 'plugin-boundary': pluginBoundary } } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // / {2}/ reads worse than /  / in the few regexes that match fixed output.
      'no-regex-spaces': 'off',
      'no-throw-literal': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'describe.only would skip the rest of the suite.' },
        { object: 'it', property: 'only', message: 'it.only would skip the rest of the suite.' },
      ],
    },
  },
  {
    name: 'etbot/commonjs',
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'etbot/tests',
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: {
      // chai: expect(x).to.be.true
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    name: 'etbot/test-doubles',
    files: ['test/**/*.ts', '**/*.test.ts', 'core/testing/**/*.ts'],
    rules: {
      // Fakes of discord.js and friends stand in for loosely typed objects.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  ...coreLayerBlocks(),
  {
    name: 'etbot/plugin-boundary',
    files: PLUGIN_ROOTS.map((r) => `${r}/**/*.{ts,js}`),
    rules: {
      'etbot/plugin-boundary': 'error',
      '@typescript-eslint/no-require-imports': 'error',
      // The same boundary in ESLint's own words, for the common case: no path into core/.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+core(/|$)', message: 'plugins import only etbot/plugin-api (and etbot/testing in tests), never core/.' },
            { regex: '^etbot/(?!(plugin-api|testing)$)', message: 'plugins import only etbot/plugin-api (and etbot/testing in tests).' },
          ],
        },
      ],
    },
  },
  prettier,
);
