import { expect } from 'chai';
import { ESLint, type Linter } from 'eslint';
import path from 'node:path';

// Compiled to dist/test/lint/: three levels below the repository root.
const repoRoot = path.resolve(__dirname, '../../..');
const BOUNDARY = 'etbot/plugin-boundary';
const LAYERS = '@typescript-eslint/no-restricted-imports';

/** The problems ESLint (with the repository's eslint.config.js) finds in `code` as if it were at `file`. */
async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result!.messages;
}

/** Errors of one rule, as "source: message" for readable failures. */
function errorsOf(messages: Linter.LintMessage[], ruleId: string): string[] {
  return messages.filter((m) => m.ruleId === ruleId && m.severity === 2).map((m) => `${m.line}: ${m.message}`);
}

function uses(...names: string[]): string {
  return `\nexport const used = [${names.join(', ')}];\n`;
}

describe('lint: plugin boundary and core layers (eslint.config.js)', function () {
  this.timeout(60_000);

  describe('plugins import only etbot/plugin-api (and etbot/testing in tests)', () => {
    it('a plugin importing core directly is an error that says so', async () => {
      const messages = await lint('plugins/demo/index.ts', `import { QueryServices } from '../../core/queries';${uses('QueryServices')}`);
      const errors = errorsOf(messages, BOUNDARY);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('plugins import only etbot/plugin-api (and etbot/testing in tests)');
      expect(errors[0]).to.contain('../../core/queries');
    });

    it('etbot/plugin-api, a file of its own, packages and node builtins are fine', async () => {
      const code = [
        `import { definePlugin } from 'etbot/plugin-api';`,
        `import { helper } from './local';`,
        `import { z } from 'zod';`,
        `import path from 'node:path';`,
        uses('definePlugin', 'helper', 'z', 'path'),
      ].join('\n');
      const messages = await lint('plugins/demo/index.ts', code);
      expect(messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`)).to.deep.equal([]);
    });

    it('a file in a subfolder may climb within its plugin, not out of it', async () => {
      expect(errorsOf(await lint('plugins/demo/sub/x.ts', `import { y } from '../y';${uses('y')}`), BOUNDARY)).to.deep.equal([]);
      const errors = errorsOf(await lint('plugins/demo/sub/x.ts', `import { z } from '../../other/z';${uses('z')}`), BOUNDARY);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain("'../../other/z' leaves plugins/demo/");
    });

    it('etbot/testing only in a test file', async () => {
      const code = `import { createTestBot } from 'etbot/testing';${uses('createTestBot')}`;
      const errors = errorsOf(await lint('plugins/demo/index.ts', code), BOUNDARY);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('etbot/testing');
      expect(errorsOf(await lint('plugins/demo/test/x.test.ts', code), BOUNDARY)).to.deep.equal([]);
      expect(errorsOf(await lint('plugins/demo/test/helpers.ts', code), BOUNDARY)).to.deep.equal([]);
      expect(errorsOf(await lint('plugins/demo/demo.test.ts', code), BOUNDARY)).to.deep.equal([]);
    });

    it('other etbot entry points, absolute paths, require() and import() of repository files are errors', async () => {
      const code = [
        `import { App } from 'etbot';`,
        `import { Sql } from 'etbot/core/data/sql';`,
        `import { x } from '/work/etbot/core/queries';`,
        `export { y } from '../../core/queries/format';`,
        `const pkg = require('../../package.json') as { version: string };`,
        `const later = import('../../core/app');`,
        uses('App', 'Sql', 'x', 'pkg', 'later'),
      ].join('\n');
      const errors = errorsOf(await lint('plugins/demo/index.ts', code), BOUNDARY);
      expect(errors).to.have.length(6);
      expect(errors.join('\n')).to.contain("'etbot' is not a public entry point").and.contain("'/work/etbot/core/queries' is an absolute path");
    });

    it('examples/<id>/ are held to the same boundary', async () => {
      const errors = errorsOf(await lint('examples/demo/deep/er/x.ts', `import { num } from '../../../../core/data/sql';${uses('num')}`), BOUNDARY);
      expect(errors).to.have.length(1);
      expect(errorsOf(await lint('examples/demo/deep/er/x.ts', `import { a } from '../../a';${uses('a')}`), BOUNDARY)).to.deep.equal([]);
    });
  });

  describe('core layers import downwards only at run time', () => {
    it('core/data (layer 2) importing core/ingest (layer 3) at run time is an error', async () => {
      const errors = errorsOf(await lint('core/data/x.ts', `import { Importer } from '../ingest/importer';${uses('Importer')}`), LAYERS);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('core/data (layer 2) must not import core/ingest (layer 3)');
    });

    it('a type-only import from a higher layer is fine', async () => {
      const typeOnly = `import type { Importer } from '../ingest/importer';\nexport type I = Importer;\n`;
      expect(errorsOf(await lint('core/data/x.ts', typeOnly), LAYERS)).to.deep.equal([]);
      const inlineTypes = `import { type Importer } from '../ingest/importer';\nexport type I = Importer;\n`;
      expect(errorsOf(await lint('core/data/x.ts', inlineTypes), LAYERS)).to.deep.equal([]);
    });

    it('core/queries (layer 3) importing core/transports (layer 4) is an error; a lower layer is fine', async () => {
      const errors = errorsOf(await lint('core/queries/x.ts', `import { escapeName } from '../transports/discord/escape';${uses('escapeName')}`), LAYERS);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('core/transports (layer 4)');
      expect(errorsOf(await lint('core/queries/x.ts', `import { num } from '../data/sql';${uses('num')}`), LAYERS)).to.deep.equal([]);
    });

    it('files in subfolders are checked too (core/collectors/sftp/ -> core/app)', async () => {
      const errors = errorsOf(await lint('core/collectors/sftp/x.ts', `import { CoreServices } from '../../app/tokens';${uses('CoreServices')}`), LAYERS);
      expect(errors).to.have.length(1);
      expect(errorsOf(await lint('core/collectors/sftp/x.ts', `import { y } from '../data/y';${uses('y')}`), LAYERS)).to.deep.equal([]);
    });

    it('core/parsing is pure: only logging types and the export types (the truth it generates), nothing at run time', async () => {
      expect(errorsOf(await lint('core/parsing/x.ts', `import type { Logger } from '../logging/logger';\nexport type L = Logger;\n`), LAYERS)).to.deep.equal(
        [],
      );
      expect(
        errorsOf(await lint('core/parsing/x.ts', `import { createLogger } from '../logging/create-logger';${uses('createLogger')}`), LAYERS),
      ).to.have.length(1);
      expect(errorsOf(await lint('core/parsing/gen/x.ts', `import type { T } from '../../export/types';\nexport type U = T;\n`), LAYERS)).to.deep.equal([]);
      expect(
        errorsOf(await lint('core/parsing/gen/x.ts', `import { exportRounds } from '../../export/export';${uses('exportRounds')}`), LAYERS),
      ).to.have.length(1);
      expect(errorsOf(await lint('core/parsing/gen/x.ts', `import type { Sql } from '../../data/sql';\nexport type S = Sql;\n`), LAYERS)).to.have.length(1);
      expect(errorsOf(await lint('core/parsing/gen/x.ts', `import type { Era } from '../types';\nexport type E = Era;\n`), LAYERS)).to.deep.equal([]);
    });
  });
});
