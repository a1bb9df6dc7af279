/** The plugin API version. Breaking changes bump the major. */
export const PLUGIN_API_VERSION = '1.0.0';
