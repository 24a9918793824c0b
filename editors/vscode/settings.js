// What the extension sends to `gwlint server` and which program it starts. No `vscode` import
// here, so `npm test` runs it in plain Node.
'use strict';

const fs = require('fs');
const path = require('path');

/** The gwlint settings as the server reads them (initializationOptions, didChangeConfiguration). */
function serverSettings(get) {
  const text = (key) => {
    const v = get(key);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const list = (key) => {
    const v = get(key);
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string' && x.trim() !== '') : undefined;
  };
  const out = {
    configPath: text('configPath'),
    profile: text('profile'),
    failLevel: text('failLevel'),
    select: list('select'),
    ignore: list('ignore') || [],
    docsUrl: text('docsUrl'),
  };
  for (const k of Object.keys(out)) {
    if (out[k] === undefined) delete out[k];
  }
  return out;
}

/**
 * The program to start: the configured path, else the binary shipped in the extension's `bin/`,
 * else `gwlint` on PATH.
 */
function serverCommand(configured, extensionDir, platform = process.platform) {
  if (typeof configured === 'string' && configured.trim() !== '') {
    return configured.trim();
  }
  const shipped = path.join(extensionDir, 'bin', platform === 'win32' ? 'gwlint.exe' : 'gwlint');
  if (fs.existsSync(shipped)) {
    return shipped;
  }
  return 'gwlint';
}

module.exports = { serverSettings, serverCommand };
