import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder of app.js and style.css. tsc compiles only TypeScript, so the compiled plugin in
 * dist/plugins/web/ finds them in the source folder beside dist/; a copy next to the compiled
 * files (a package that ships them) wins.
 */
export function publicDir(): string {
  const candidates = [path.join(__dirname, 'public'), path.resolve(__dirname, '..', '..', '..', 'plugins', 'web', 'public')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'app.js')));
  if (!found) throw new Error(`web: app.js not found in ${candidates.join(' or ')}`);
  return found;
}

/** echarts' browser build, served as is (no bundler). */
export function echartsFile(): string {
  return require.resolve('echarts/dist/echarts.min.js');
}
