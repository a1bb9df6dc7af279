/** The plugin API version. Breaking changes bump the major. */
export const PLUGIN_API_VERSION = '2.0.0';
