import fs from 'node:fs';
import path from 'node:path';

/**
 * Names a hostile game server can list, in every traversal form: `outside` is a file name an
 * escaping write would create next to the test's temp folder (`../`), `escaped` an absolute path
 * one would create anywhere.
 */
export function hostileNames(escaped: string): string[] {
  const fromTmpRoot = `../../../../../../../../..${escaped}`;
  return [
    '../sentinel.txt',
    fromTmpRoot,
    '..\\sentinel.txt',
    fromTmpRoot.replaceAll('/', '\\'),
    escaped,
    '..',
    '.',
    'sub/../2025-10-25-235959-supply-round-1.txt',
    '%2e%2e%2fsentinel.txt',
    '%2e%2e/sentinel.txt',
    '..%2fsentinel.txt',
    'evil\0.txt',
    `${'0'.repeat(300)}.txt`,
    'line\nbreak-round-1.txt',
    'bell\u0007.txt',
  ];
}

/** Names a real file system can hold that must still never be stored as they are. */
export function hostileNamesOnDisk(escaped: string): string[] {
  return [
    '..\\sentinel.txt',
    `..\\..\\..\\..\\..\\..\\..\\..\\..${escaped.replaceAll('/', '\\')}`,
    '%2e%2e%2fsentinel.txt',
    'line\nbreak-round-1.txt',
    'bell\u0007.txt',
    `${'0'.repeat(250)}.txt`,
    '...txt',
  ];
}

/** Of a pino log, how often each name was warned about as skipped. */
export function skippedNameWarnings(logOutput: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of logOutput.split('\n')) {
    if (!line.includes('skipping the listed name')) continue;
    const name = JSON.parse(String((JSON.parse(line) as { file: string }).file)) as string;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}
