import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { forEachDatabase } from '../support/databases';
import { runCli } from '../support/run-cli';
import { createTestBot } from '../../core/testing';
import { roundFileName, roundFileText } from '../collectors/round-files';

/** A folder with a file of 130,000 empty lines (it used to overflow the stack after committing) and a good file. */
function noisyFolder(): { dir: string; noisy: string; good: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-noisy-'));
  const noisy = roundFileName(1);
  const good = roundFileName(2);
  fs.writeFileSync(path.join(dir, noisy), `${roundFileText({ players: 1, tag: 'noisy' }).trimEnd()}\n${'\n'.repeat(130_000)}`);
  fs.writeFileSync(path.join(dir, good), roundFileText({ players: 2, tag: 'good' }));
  return { dir, noisy, good };
}

forEachDatabase('130,000 bad lines in one file', (tdb) => {
  beforeEach(async () => tdb.reset());

  it('`etbot import DIR`: both files imported, exit code 0, the first 20 skipped lines shown "and 129,980 more"', async function () {
    this.timeout(120_000);
    const { dir, noisy } = noisyFolder();
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-noisy-cli-'));
    fs.writeFileSync(path.join(cwd, 'plugins.json'), JSON.stringify({ plugins: [{ id: 'help' }] }));
    fs.writeFileSync(path.join(cwd, 'etbot.config.json'), JSON.stringify({ dataDir: path.join(cwd, 'data') }));
    try {
      const result = await runCli(['import', dir, '--strict', '--no-progress'], { cwd, env: { DATABASE_URL: tdb.url } });
      expect(result.stderr).to.not.contain('RangeError');
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stdout).to.match(/^2 files in .*: 2 imported, 0 replaced, 0 unchanged, 0 duplicates, 0 rejected, 130000 warnings/);
      expect(result.stdout).to.contain(`  ${noisy} line 3: empty line`);
      expect(result.stdout).to.contain('  ... and 129,980 more');
      expect(result.stdout.split('\n').filter((l) => l.includes(': empty line'))).to.have.length(20);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('`!import DIR`: answers with both files imported and the count of skipped lines', async () => {
    const { dir } = noisyFolder();
    const bot = await createTestBot({ plugins: ['admin'], database: tdb.url, fixtures: false });
    try {
      const reply = await bot.text(`!import ${dir}`, { admin: true });
      expect(reply).to.contain('2 files: 2 imported, 0 replaced, 0 unchanged, 0 duplicates, 0 rejected');
      expect(reply).to.contain('130,000 skipped lines');
    } finally {
      await bot.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
