import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const READY = /etbot ready in (\d+) ms/;

export interface RunningBot {
  pid: number;
  /** From spawn to the "etbot ready" log line, ms. */
  readyMs: number;
  /** What the bot itself logged (from its start to ready). */
  selfReportedMs: number;
  /** Resident memory now, MB (VmRSS). */
  rssMb(): number;
  /** Peak resident memory so far, MB (VmHWM). */
  peakRssMb(): number;
  /** CPU time used so far (user + system), seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** A folder with a copy of a database and a config for `etbot start` (bots may start there several times). */
export interface BotHome {
  dir: string;
  config: string;
  remove(): void;
}

/**
 * Copies an SQLite database into a new folder with a config naming it (and the project's
 * plugins.json), so what the bot writes at start (plugin tables, ratings) stays out of the cache.
 */
export function prepareBotHome(sqlitePath: string): BotHome {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-bench-start-'));
  const db = path.join(dir, 'etbot.sqlite');
  fs.copyFileSync(sqlitePath, db);
  const config = path.join(dir, 'etbot.config.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      logLevel: 'info',
      dataDir: dir,
      database: { url: `sqlite:${db}` },
      pluginsFile: process.env.ETBOT_BENCH_PLUGINS_FILE ?? path.join(ROOT, 'plugins.json'),
      console: { outputDir: path.join(dir, 'out') },
    }),
  );
  return { dir, config, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Spawns the real `etbot start` (bin/etbot.js) in `home`, with DISCORD_TOKEN, DATABASE_URL and
 * REDIS_URL unset, and waits for "etbot ready".
 */
export async function startRealBot(home: BotHome): Promise<RunningBot> {
  const { dir, config } = home;
  const env = { ...process.env };
  for (const k of ['DISCORD_TOKEN', 'DATABASE_URL', 'REDIS_URL', 'ETBOT_LOG_LEVEL']) delete env[k];
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/etbot.js'), 'start', '--config', config], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const selfReportedMs = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`etbot start not ready after 300 s:\n${output.slice(-2000)}`)), 300_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = READY.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`etbot start exited with ${code} before ready:\n${output.slice(-2000)}`));
      });
    });
    const readyMs = Number(process.hrtime.bigint() - start) / 1e6;
    child.stdout!.resume();
    child.stderr!.resume();
    return {
      pid: child.pid!,
      readyMs,
      selfReportedMs,
      rssMb: () => statusMb(child.pid!, 'VmRSS'),
      peakRssMb: () => statusMb(child.pid!, 'VmHWM'),
      cpuSeconds: () => cpuSeconds(child.pid!),
      stop: () => stop(child),
    };
  } catch (err) {
    await stop(child);
    throw err;
  }
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]) / 1024;
}

function cpuSeconds(pid: number): number {
  // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
