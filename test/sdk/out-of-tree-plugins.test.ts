import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, runCli } from '../support/run-cli';

const SOURCES = path.join(PROJECT_ROOT, 'test', 'sdk', 'out-of-tree');

/**
 * Two community plugins in a folder outside the repository, against etbot installed from its own
 * `npm pack`: one provides a service, the other (TypeScript, compiled against the packed types)
 * consumes it. The bot that runs them is the packed one too (its dependencies linked from this
 * checkout, so nothing is downloaded).
 */
describe('community plugins outside the tree, against the packed etbot', function () {
  this.timeout(180_000);
  let dir: string;
  let app: string;
  let bin: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-out-of-tree-'));
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    app = path.join(dir, 'community');
    const pkg = path.join(app, 'node_modules', 'etbot');
    fs.mkdirSync(pkg, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', pkg, '--strip-components', '1']);
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    bin = path.join(pkg, 'bin', 'etbot.js');

    for (const id of ['greeter', 'greets']) fs.mkdirSync(path.join(app, 'plugins', id), { recursive: true });
    fs.copyFileSync(path.join(SOURCES, 'greeter.js'), path.join(app, 'plugins', 'greeter', 'index.js'));
    fs.copyFileSync(path.join(SOURCES, 'greets.ts'), path.join(app, 'plugins', 'greets', 'index.ts'));
    const tsc = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsc');
    execFileSync(
      tsc,
      [
        '--strict',
        '--target',
        'es2022',
        '--module',
        'node16',
        '--moduleResolution',
        'node16',
        '--skipLibCheck',
        path.join(app, 'plugins', 'greets', 'index.ts'),
      ],
      { cwd: app },
    );

    fs.writeFileSync(
      path.join(app, 'plugins.json'),
      JSON.stringify({ plugins: [{ path: 'plugins/greets' }, { path: 'plugins/greeter' }, { id: 'admin' }] }, null, 2),
    );
    fs.writeFileSync(
      path.join(app, 'etbot.config.json'),
      JSON.stringify({ logLevel: 'silent', dataDir: './data', database: { url: 'sqlite:./data/etbot.sqlite' } }),
    );
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const etbot = (line: string) => runCli(['run', line], { cwd: app, bin });

  it("the consumer answers with the provider's service", async () => {
    const r = await etbot('!greet the community');
    expect(r.stderr).to.equal('');
    expect(r.stdout.trim()).to.equal('hello the community, from greeter #1');
  });

  it('disabling the provider disables the consumer with a clear message; enabling it brings the consumer back', async () => {
    const off = await etbot('!plugin disable greeter');
    expect(off.stdout).to.contain('Plugin greeter: disabled');
    expect(off.stdout).to.contain("also greets: disabled until it can load again (plugin 'greets' depends on 'greeter', which is disabled)");
    const gone = await etbot('!greet anyone');
    expect(gone.stdout).to.contain('Unknown command `!greet`');
    const list = await etbot('!plugins');
    expect(list.stdout).to.contain("greets 1.0.0 failed\n  plugin 'greets' depends on 'greeter', which is not enabled");
    const on = await etbot('!plugin enable greeter');
    expect(on.stdout).to.contain('Plugin greeter: enabled');
    expect((await etbot('!greet again')).stdout.trim()).to.equal('hello again, from greeter #1');
  });
});
