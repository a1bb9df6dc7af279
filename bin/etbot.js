#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'core', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('etbot is not built yet: run `npm run build` (or `npm ci`) in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
require(entry).main(process.argv);
