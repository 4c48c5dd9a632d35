// What require('electron') gives the built main process inside the harness (see launch.cjs).
export { app } from './App';
export { BrowserWindow } from './BrowserWindow';
export { ipcMain } from './IpcMain';
export { session } from './session';
