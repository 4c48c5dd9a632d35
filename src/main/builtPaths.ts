// Where the built app's parts are, seen from the bundled main-process code in out/main, in the
// repository and in a package made by electron-builder (electron-builder.yml).
import path from 'node:path';
import type { WorkerEntry } from './sampler/SamplerThread';

/** Where this code runs from: out/main, and Electron's resources directory (undefined in Node). */
export interface AppLayout {
  mainDir: string;
  resourcesPath: string | undefined;
}

const runningLayout: AppLayout = {
  mainDir: __dirname,
  resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
};

/**
 * In a package the app is resources/app.asar; the files that must be real files (the workers and
 * their chunks, the demos, the terminal helper) sit beside it, in app.asar.unpacked, resources/demos
 * and resources/terminal.
 */
function packagedResources(layout: AppLayout): string | null {
  const { mainDir, resourcesPath } = layout;
  if (!resourcesPath) return null;
  return mainDir.startsWith(path.join(resourcesPath, 'app.asar') + path.sep) ? resourcesPath : null;
}

/** A worker thread's built file (it and the chunks it loads are unpacked in a package). */
function builtWorker(name: string, layout: AppLayout): WorkerEntry {
  const resources = packagedResources(layout);
  const mainDir = resources ? path.join(resources, 'app.asar.unpacked', 'out', 'main') : layout.mainDir;
  return { file: path.join(mainDir, `${name}.js`) };
}

export function builtWorkerEntry(layout = runningLayout): WorkerEntry {
  return builtWorker('samplerWorker', layout);
}

/** The lab watcher thread (src/main/lab/labWatcherWorker.ts). */
export function builtLabWatcherEntry(layout = runningLayout): WorkerEntry {
  return builtWorker('labWatcherWorker', layout);
}

/** The built renderer: served in browser mode, loaded from file:// by the window. */
export function builtRendererDir(layout = runningLayout): string {
  return path.join(layout.mainDir, '../renderer');
}

export function builtRendererPage(layout = runningLayout): string {
  return path.join(builtRendererDir(layout), 'index.html');
}

export function builtPreloadScript(layout = runningLayout): string {
  return path.join(layout.mainDir, '../preload/index.js');
}

/** The lab's terminal: the python3 helper that runs a program on a pseudo-terminal. */
export function builtTerminalScript(layout = runningLayout): string {
  const resources = packagedResources(layout);
  const dir = resources ? path.join(resources, 'terminal') : path.join(layout.mainDir, '../../resources/terminal');
  return path.join(dir, 'proclab_pty.py');
}

/** The demo programs, shipped as readable files. */
export function builtDemosDir(layout = runningLayout): string {
  const resources = packagedResources(layout);
  return resources ? path.join(resources, 'demos') : path.join(layout.mainDir, '../../resources/demos');
}
