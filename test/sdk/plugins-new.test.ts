import { expect } from 'chai';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT, runCli } from '../support/run-cli';

const exec = promisify(execFile);
const TSC = path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');
const MOCHA = path.join(PROJECT_ROOT, 'node_modules/mocha/bin/mocha.js');

/** Runs a node script; resolves with its output whatever the exit code. */
async function node(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, args, {
      cwd,
      maxBuffer: 32 * 1024 * 1024,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** tsc errors in the given files only (other people's work in progress may have its own). */
function errorsIn(output: string, prefixes: string[]): string[] {
  return output.split('\n').filter((l) => /error TS\d+/.test(l) && prefixes.some((p) => l.startsWith(p)));
}

describe('etbot plugins new', function () {
  this.timeout(240_000);
  let tmp: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-plugins-new-'));
  });

  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('in a copy of the project: writes plugins/demo-thing with its test in plugins/demo-thing/test, that compile and pass', async () => {
    const project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    for (const file of ['package.json', 'tsconfig.json']) fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(project, file));
    fs.cpSync(path.join(PROJECT_ROOT, 'core'), path.join(project, 'core'), { recursive: true });
    for (const link of ['node_modules', 'fixtures', 'config']) fs.symlinkSync(path.join(PROJECT_ROOT, link), path.join(project, link));

    const made = await runCli(['plugins', 'new', 'demo-thing'], { cwd: project });
    expect(made.code, made.stderr).to.equal(0);
    expect(made.stdout).to.contain('plugins/demo-thing/index.ts').and.contain('plugins/demo-thing/test/demo-thing.test.ts');
    expect(made.stdout).to.contain('{"path":"plugins/demo-thing","enabled":true,"options":{}}');
    expect(fs.existsSync(path.join(project, 'plugins/demo-thing/index.ts'))).to.equal(true);

    const built = await node([TSC, '-p', 'tsconfig.json'], project);
    expect(errorsIn(built.output, ['plugins/demo-thing']), built.output).to.deep.equal([]);
    expect(fs.existsSync(path.join(project, 'dist/plugins/demo-thing/index.js'))).to.equal(true);

    const tested = await node([MOCHA, '--exit', 'dist/plugins/demo-thing/test/demo-thing.test.js'], project);
    expect(tested.code, tested.output).to.equal(0);
    expect(tested.output).to.contain('3 passing');
  });

  it('with --dir outside the project: a package of its own that compiles against etbot/plugin-api and passes its test', async () => {
    const dir = path.join(tmp, 'outside', 'demo-thing');
    const made = await runCli(['plugins', 'new', 'demo-thing', '--dir', dir], { cwd: tmp });
    expect(made.code, made.stderr).to.equal(0);
    for (const file of ['index.ts', 'test/demo-thing.test.ts', 'package.json', 'tsconfig.json'])
      expect(fs.existsSync(path.join(dir, file)), file).to.equal(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.peerDependencies.etbot).to.equal('^0.1.0');
    expect(pkg.devDependencies.etbot).to.equal(`file:${PROJECT_ROOT}`);

    // What `npm install` would make: etbot linked from its folder, and its dev tools.
    const modules = path.join(dir, 'node_modules');
    fs.mkdirSync(modules);
    fs.symlinkSync(PROJECT_ROOT, path.join(modules, 'etbot'));
    for (const name of fs.readdirSync(path.join(PROJECT_ROOT, 'node_modules'))) {
      if (!name.startsWith('.')) fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules', name), path.join(modules, name));
    }
    const built = await node([TSC, '-p', 'tsconfig.json'], dir);
    expect(built.code, built.output).to.equal(0);

    const tested = await node([MOCHA, '--exit', 'dist/test/**/*.test.js'], dir);
    expect(tested.code, tested.output).to.equal(0);
    expect(tested.output).to.contain('3 passing');
  });

  it('outside an etbot checkout, the default plugins/<name> is a package of its own', async () => {
    const cwd = path.join(tmp, 'deployment');
    fs.mkdirSync(cwd);
    const made = await runCli(['plugins', 'new', 'side-thing'], { cwd });
    expect(made.code, made.stderr).to.equal(0);
    const files = ['index.ts', 'test/side-thing.test.ts', 'package.json', 'tsconfig.json'];
    for (const file of files) expect(fs.existsSync(path.join(cwd, 'plugins/side-thing', file)), file).to.equal(true);
    expect(fs.existsSync(path.join(cwd, 'test'))).to.equal(false);
  });

  it('refuses an existing folder and a bad name, writing nothing', async () => {
    const cwd = path.join(tmp, 'refusals');
    fs.mkdirSync(path.join(cwd, 'plugins', 'taken'), { recursive: true });
    const taken = await runCli(['plugins', 'new', 'taken'], { cwd });
    expect(taken.code).to.equal(2);
    expect(taken.stderr).to.equal(`etbot: ${path.join(cwd, 'plugins', 'taken')} already exists: choose another name or --dir (nothing was written)\n`);
    const bad = await runCli(['plugins', 'new', 'Demo_Thing'], { cwd });
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain("plugin name 'Demo_Thing' is not valid");
    expect(fs.readdirSync(path.join(cwd, 'plugins'))).to.deep.equal(['taken']);
    expect(fs.existsSync(path.join(cwd, 'test'))).to.equal(false);
  });
});
