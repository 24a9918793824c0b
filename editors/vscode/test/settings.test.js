'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { serverSettings, serverCommand } = require('../settings');

test('settings reach the server in its shape, empty ones left out', () => {
  const values = { profile: 'draft', failLevel: 'warning', configPath: '  ', select: null, ignore: ['GW605', ''], docsUrl: '' };
  assert.deepStrictEqual(serverSettings((k) => values[k]), { profile: 'draft', failLevel: 'warning', ignore: ['GW605'] });
  assert.deepStrictEqual(serverSettings(() => undefined), { ignore: [] });
  assert.deepStrictEqual(serverSettings((k) => (k === 'select' ? ['GW4'] : undefined)).select, ['GW4']);
});

test('the configured program, else the shipped one, else gwlint on PATH', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwlint-ext-'));
  assert.strictEqual(serverCommand('/opt/gwlint/bin/gwlint', dir), '/opt/gwlint/bin/gwlint');
  assert.strictEqual(serverCommand('', dir), 'gwlint');
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.writeFileSync(path.join(dir, 'bin', 'gwlint'), '');
  assert.strictEqual(serverCommand(undefined, dir, 'linux'), path.join(dir, 'bin', 'gwlint'));
  assert.strictEqual(serverCommand(undefined, dir, 'win32'), 'gwlint');
});
