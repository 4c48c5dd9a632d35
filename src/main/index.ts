// The Electron shell: one secure window on the contract; the only file that starts Electron.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { contentSecurityPolicyFor } from '../shared/contract/contentSecurityPolicy';
import {
  builtDemosDir,
  builtLabWatcherEntry,
  builtPreloadScript,
  builtRendererPage,
  builtTerminalScript,
  builtWorkerEntry,
} from './builtPaths';
import { quietGarbageCollector } from './quietGarbageCollector';
import { createDispatch } from './service/dispatch';
import { ProcLabService } from './service/ProcLabService';
import { registerIpc } from './transport/ipcAdapter';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = builtRendererPage();

function isTrustedUrl(url: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname) === rendererFile.replaceAll('\\', '/');
}

quietGarbageCollector();
const service = new ProcLabService({
  workerEntry: builtWorkerEntry(),
  demosDir: builtDemosDir(),
  terminalScript: builtTerminalScript(),
  labWatcherEntry: builtLabWatcherEntry(),
});
// Sample while the window loads, so its first subscription is answered at once.
void service.warmUp();
registerIpc(ipcMain, createDispatch(service), (connection) => service.disconnect(connection), isTrustedUrl);

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'ProcLab',
    webPreferences: {
      preload: builtPreloadScript(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererFile);
}

app.on('web-contents-created', (_, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicyFor(devServerUrl)],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let closing = false;
app.on('before-quit', (event) => {
  if (closing) return;
  closing = true;
  event.preventDefault();
  void service.close().finally(() => app.quit());
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
// Whatever happens, lab processes must not outlive ProcLab.
process.on('exit', () => service.supervisor?.killAllNow());
