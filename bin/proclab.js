#!/usr/bin/env node
// The proclab command: runs the built CLI (npm install builds it through the prepare script).
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('proclab: the app is not built yet; run "npm run build" in ' + path.join(__dirname, '..'));
  process.exit(1);
}
require(cli);
