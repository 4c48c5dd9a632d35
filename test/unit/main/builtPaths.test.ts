// Where the built parts are found: in the repository (Node, or `electron .` from node_modules) and
// in a package (the package itself is checked in test/integration/packaging).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtDemosDir,
  builtLabWatcherEntry,
  builtPreloadScript,
  builtRendererPage,
  builtTerminalScript,
  builtWorkerEntry,
  type AppLayout,
} from '../../../src/main/builtPaths';

const repo = '/home/student/proclab';
const parts = (layout: AppLayout) => ({
  worker: builtWorkerEntry(layout).file,
  labWatcher: builtLabWatcherEntry(layout).file,
  demos: builtDemosDir(layout),
  terminal: builtTerminalScript(layout),
  preload: builtPreloadScript(layout),
  page: builtRendererPage(layout),
});

describe('built paths', () => {
  const inRepository = {
    worker: `${repo}/out/main/samplerWorker.js`,
    labWatcher: `${repo}/out/main/labWatcherWorker.js`,
    demos: `${repo}/resources/demos`,
    terminal: `${repo}/resources/terminal/proclab_pty.py`,
    preload: `${repo}/out/preload/index.js`,
    page: `${repo}/out/renderer/index.html`,
  };

  it('are the repository’s under Node and under an Electron from node_modules', () => {
    expect(parts({ mainDir: `${repo}/out/main`, resourcesPath: undefined })).toEqual(inRepository);
    const electronResources = `${repo}/node_modules/electron/dist/resources`;
    expect(parts({ mainDir: `${repo}/out/main`, resourcesPath: electronResources })).toEqual(inRepository);
  });

  it('are beside the archive in a package: the workers unpacked, the demos and the terminal as resources', () => {
    const resources = '/opt/ProcLab/resources';
    expect(parts({ mainDir: path.join(resources, 'app.asar/out/main'), resourcesPath: resources })).toEqual({
      worker: `${resources}/app.asar.unpacked/out/main/samplerWorker.js`,
      labWatcher: `${resources}/app.asar.unpacked/out/main/labWatcherWorker.js`,
      demos: `${resources}/demos`,
      terminal: `${resources}/terminal/proclab_pty.py`,
      preload: `${resources}/app.asar/out/preload/index.js`,
      page: `${resources}/app.asar/out/renderer/index.html`,
    });
  });
});
