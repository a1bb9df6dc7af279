/** The plugin API version. Breaking changes bump the major. */
export const PLUGIN_API_VERSION = '2.1.0';

/** etbot's own version (package.json). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ETBOT_VERSION: string = (require('../../../package.json') as { version: string }).version;
