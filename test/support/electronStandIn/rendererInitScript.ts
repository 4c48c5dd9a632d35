// The script the stand-in puts in front of every document of a window (Electron's preload step):
// the codec and the renderer world inlined, then the built preload bundle run as a function body.
// Inlined, not evaluated, because the page's CSP forbids eval, as it does inside Electron.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Playwright bindings the init script takes away from the page before its own scripts run. */
export const INVOKE_BINDING = '__electronStandInInvoke';
export const EVENTS_BINDING = '__electronStandInEvents';

const asModule = (file: string) =>
  `(function (module, exports) {\n${readFileSync(path.join(__dirname, file), 'utf8')}\nreturn module.exports;\n})`;

export function rendererInitScript(preloadPath: string): string {
  const preload = readFileSync(preloadPath, 'utf8');
  return `(() => {
  const invoke = globalThis.${INVOKE_BINDING};
  const nextEvents = globalThis.${EVENTS_BINDING};
  delete globalThis.${INVOKE_BINDING};
  delete globalThis.${EVENTS_BINDING};
  // Electron runs the preload in the main frame only (nodeIntegrationInSubFrames is off).
  if (window !== window.top) return;
  const load = (factory) => { const module = { exports: {} }; return factory(module, module.exports); };
  const codec = load(${asModule('structuredCodec.cjs')});
  const { startRendererWorld } = load(${asModule('rendererWorld.cjs')});
  const runPreload = function (require, module, exports) {\n${preload}\n};
  startRendererWorld({ invoke, nextEvents, codec, runPreload, preloadPath: ${JSON.stringify(preloadPath)} });
})();`;
}
