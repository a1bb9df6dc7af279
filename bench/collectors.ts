import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Collector, FileSink } from '../core/collectors/types';
import { FetchedRemoteFileStore } from '../core/collectors/data/fetched-remote-file-store';
import { LocalFolderCollector } from '../core/collectors/local/local-folder-collector';
import { SftpCollector } from '../core/collectors/sftp/sftp-collector';
import { openDatabase, type Database } from '../core/data/database';
import { Importer } from '../core/ingest/importer';
import { silentLogger } from '../core/logging/create-logger';
import { generateTestKeyPair, TestSshServer } from '../test/support/ssh-server';
import { roundFileName, roundFileText } from '../test/collectors/round-files';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: number;
}

const LOCAL_FILES = 8;
const SFTP_FILES = 8;

/**
 * Time from a round file written to its round being queryable in the database, through the real
 * collectors and importer on SQLite: the local folder collector with its default settle time
 * (1 s), and SFTP against an ssh2 server on 127.0.0.1 polled every 2 s. Files are written at
 * random moments of the poll cycle, so the SFTP figures include the wait for the next listing.
 */
export async function benchCollectors(): Promise<BenchResult[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-bench-collectors-'));
  const db = await openDatabase({ url: `sqlite:${path.join(tmp, 'bench.sqlite')}`, dataDir: tmp });
  try {
    const sink: FileSink = new Importer(db);
    const deps = { sink, store: new FetchedRemoteFileStore(db), emit: () => undefined, logger: silentLogger() };

    const localDir = path.join(tmp, 'local');
    fs.mkdirSync(localDir);
    const local = new LocalFolderCollector({ name: 'bench-local', serverId: 'local', path: localDir, settleMs: 1000 }, deps);
    const localTimes = await measure(db, local, LOCAL_FILES, 'ice', (name, text) => fs.writeFileSync(path.join(localDir, name), text), 0);

    const serverRoot = path.join(tmp, 'server');
    fs.mkdirSync(path.join(serverRoot, 'stats'), { recursive: true });
    const clientKey = generateTestKeyPair();
    const server = await TestSshServer.start({ root: serverRoot, authorizedKeys: [clientKey.public] });
    try {
      fs.writeFileSync(path.join(tmp, 'id'), clientKey.private);
      fs.writeFileSync(path.join(tmp, 'known_hosts'), `${server.knownHostsLine}\n`);
      const sftp = new SftpCollector(
        {
          name: 'bench-sftp',
          serverId: 'sftp',
          host: '127.0.0.1',
          port: server.port,
          username: server.username,
          privateKeyPath: path.join(tmp, 'id'),
          remotePath: '/stats',
          knownHostsPath: path.join(tmp, 'known_hosts'),
          trustOnFirstUse: false,
          pollSeconds: 2,
          stagingDir: path.join(tmp, 'staging'),
        },
        deps,
      );
      const write = (name: string, text: string) => fs.writeFileSync(path.join(serverRoot, 'stats', name), text);
      const sftpTimes = await measure(db, sftp, SFTP_FILES, 'radar', write, 2000);
      return [
        { name: 'collectors: local file written -> round queryable (median)', value: median(localTimes), unit: 'ms' },
        { name: 'collectors: local file written -> round queryable (worst)', value: Math.max(...localTimes), unit: 'ms', target: 2000 },
        { name: 'collectors: SFTP (2 s poll) file written -> round queryable (median)', value: median(sftpTimes), unit: 'ms' },
        { name: 'collectors: SFTP (2 s poll) file written -> round queryable (worst)', value: Math.max(...sftpTimes), unit: 'ms', target: 4000 },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    await db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Writes `count` files one after another (after a random pause up to `jitterMs`) and times each. */
async function measure(
  db: Database,
  collector: Collector,
  count: number,
  map: string,
  write: (name: string, text: string) => void,
  jitterMs: number,
): Promise<number[]> {
  await collector.start();
  try {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      await sleep(200 + Math.random() * jitterMs);
      const name = roundFileName(i, map);
      const start = performance.now();
      write(name, roundFileText({ map, players: 12, tag: `${map}-${i}` }));
      while (!(await queryable(db, name))) {
        if (performance.now() - start > 30_000) throw new Error(`${name} never became queryable`);
        await sleep(10);
      }
      times.push(Math.round(performance.now() - start));
    }
    return times;
  } finally {
    await collector.stop();
  }
}

async function queryable(db: Database, fileName: string): Promise<boolean> {
  const row = await db.read((sql) => sql.one('SELECT id FROM rounds WHERE file_name = ?', [fileName]));
  return row !== undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (require.main === module) {
  benchCollectors().then(
    (results) => {
      for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit}${r.target !== undefined ? ` (target <= ${r.target})` : ''}`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
