import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { handleShutdownSignals } from '../../core/app/shutdown';
import { silentLogger } from '../../core/logging/create-logger';
import { ETBOT_BIN } from '../support/run-cli';

describe('graceful shutdown', () => {
  it('stops once on the first signal and forces exit on the second', async () => {
    const target = new EventEmitter();
    let stops = 0;
    let release!: () => void;
    const exits: number[] = [];
    const { stopped } = handleShutdownSignals({
      logger: silentLogger(),
      target,
      stop: () => {
        stops++;
        return new Promise<void>((r) => (release = r));
      },
      forceExit: (code) => exits.push(code),
    });
    target.emit('SIGTERM', 'SIGTERM');
    target.emit('SIGINT', 'SIGINT');
    expect(stops).to.equal(1);
    expect(exits).to.deep.equal([130]);
    release();
    expect(await stopped).to.equal('SIGTERM');
  });

  it('etbot start reports ready and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'etbot-start-'));
    writeFileSync(path.join(dir, 'plugins.json'), JSON.stringify({ plugins: [{ id: 'help' }] }));
    writeFileSync(path.join(dir, 'etbot.config.json'), JSON.stringify({ dataDir: path.join(dir, 'data') }));
    const child = spawn(process.execPath, [ETBOT_BIN, 'start'], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${log}`)), 30_000);
      const check = () => {
        if (log.includes('etbot ready')) {
          clearTimeout(timer);
          resolve();
        } else setTimeout(check, 50);
      };
      check();
    });
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).to.equal(0);
    expect(log).to.contain('SIGTERM received: stopping');
    expect(log).to.contain('etbot stopped');
    expect(log).to.contain('Discord is off');
  });
});
