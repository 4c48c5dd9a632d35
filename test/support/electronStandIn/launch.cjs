// The harness process of the Electron-shaped e2e test: runs the built main process
// (out/main/index.js) with require('electron') resolved to the stand-in, in this process only.
'use strict';
require('tsx/cjs');
const Module = require('node:module');
const path = require('node:path');

const standIn = path.join(__dirname, 'index.ts');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveElectron(request, ...rest) {
  return request === 'electron' ? standIn : resolveFilename.call(this, request, ...rest);
};
require(path.resolve(__dirname, '../../../out/main/index.js'));
