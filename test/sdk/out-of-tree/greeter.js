'use strict';
// A community plugin outside the repository: it knows etbot only as the `etbot` package.
const { createServiceToken, definePlugin } = require('etbot/plugin-api');

/** Other plugins declare the same token by name (tokens of one name are one token). */
const GreeterService = createServiceToken('community.greeter');
let instance = 0;

module.exports = definePlugin({
  manifest: { id: 'greeter', version: '1.0.0', apiVersion: '^2.0.0', description: 'provides community.greeter' },
  register(api) {
    const n = ++instance;
    api.provide(GreeterService, { greet: (name) => `hello ${name}, from greeter #${n}` });
  },
});
