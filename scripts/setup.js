#!/usr/bin/env node
'use strict';
// Checks what a fresh Debian/Ubuntu machine needs before `npm ci` (canvas and better-sqlite3 build
// from source), installs the missing system packages when it may (root, or passwordless sudo),
// and otherwise prints the exact apt-get line. Plain Node with no dependencies: it runs before npm ci.
const { execFileSync, spawnSync } = require('node:child_process');

const PACKAGES = [
  'build-essential',
  'python3',
  'pkg-config',
  'libcairo2-dev',
  'libpango1.0-dev',
  'libjpeg-dev',
  'libgif-dev',
  'librsvg2-dev',
  'libpixman-1-dev',
  'fonts-dejavu-core',
  // The SFTP collector's tests start OpenSSH's sshd on 127.0.0.1.
  'openssh-server',
  // The web plugin's browser tests drive Debian's headless Chromium (playwright-core, no download).
  'chromium',
];

function fail(message) {
  process.stderr.write(`setup: ${message}\n`);
  process.exit(1);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old: etbot needs Node 20.19 or newer.`);

function hasDpkg() {
  return spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
}

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

if (!hasDpkg()) {
  process.stdout.write(`setup: not a Debian-based system; make sure these (or your distribution's equivalents) are installed:\n  ${PACKAGES.join(' ')}\n`);
  process.exit(0);
}

const missing = PACKAGES.filter((p) => !installed(p));
if (missing.length === 0) {
  process.stdout.write('setup: system packages present\n');
  process.exit(0);
}

const line = `apt-get install -y ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudoOk = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
if (!isRoot && !sudoOk) fail(`missing system packages. Install them with:\n  sudo apt-get update && sudo ${line}`);

const prefix = isRoot ? [] : ['sudo', '-n'];
const run = (args) => {
  process.stdout.write(`setup: ${[...prefix, ...args].join(' ')}\n`);
  const cmd = prefix.length ? prefix[0] : args[0];
  const rest = prefix.length ? [...prefix.slice(1), ...args] : args.slice(1);
  execFileSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};
try {
  run(['apt-get', 'update', '-q']);
  run(['apt-get', 'install', '-y', '-q', ...missing]);
} catch (err) {
  fail(`installing system packages failed (${err.message}). Run it yourself:\n  sudo apt-get update && sudo ${line}`);
}
process.stdout.write('setup: system packages installed\n');
