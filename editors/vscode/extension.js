// The VS Code extension: starts `gwlint server` for Markdown and plain-text files and passes the
// `gwlint.*` settings on. Everything else (findings, quick fixes, rule pages, hover) is the
// language server's.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { serverSettings, serverCommand } = require('./settings');

let client;

function settings() {
  const config = vscode.workspace.getConfiguration('gwlint');
  return serverSettings((key) => config.get(key));
}

function createClient(context) {
  const command = serverCommand(vscode.workspace.getConfiguration('gwlint').get('path'), context.extensionPath);
  const serverOptions = { command, args: ['server'] };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    initializationOptions: settings(),
    // The server reloads gwlint.toml itself when told that a .toml file changed.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.toml') },
    middleware: {
      workspace: {
        // Answer the server's request for the `gwlint` section in the server's shape.
        configuration: (params) => params.items.map((item) => (item.section === 'gwlint' ? settings() : null)),
      },
    },
  };
  return new LanguageClient('gwlint', 'gwlint 公文检查', serverOptions, clientOptions);
}

async function start(context) {
  client = createClient(context);
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      `gwlint 语言服务器无法启动：${e.message || e}。请安装 gwlint 或在设置 gwlint.path 中写明它的路径。`,
    );
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('gwlint.restart', async () => {
      if (client) await client.stop();
      await start(context);
    }),
    vscode.commands.registerCommand('gwlint.fixAll', async () => {
      await vscode.commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.gwlint', apply: 'first' });
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!client || !e.affectsConfiguration('gwlint')) return;
      if (e.affectsConfiguration('gwlint.path')) {
        await client.stop();
        await start(context);
      } else {
        client.sendNotification('workspace/didChangeConfiguration', { settings: { gwlint: settings() } });
      }
    }),
  );
  await start(context);
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
