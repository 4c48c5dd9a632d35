// The renderer side of the Electron stand-in, inlined into each page before its own scripts: runs
// the sandboxed preload with a require('electron') that gives contextBridge and ipcRenderer. Calls
// are structured-cloned like Electron's IPC; values crossing the bridge are copied like its own.
'use strict';

/** Electron's message when ipcRenderer is given a value the structured clone cannot copy. */
const NOT_CLONEABLE = 'An object could not be cloned.';

function startRendererWorld({ invoke, nextEvents, codec, runPreload, preloadPath }) {
  const ipcRenderer = createIpcRenderer(invoke, nextEvents, codec);
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (Object.hasOwn(window, key)) {
        throw new Error('Cannot bind an API on top of an existing property on the window object');
      }
      Object.defineProperty(window, key, { value: copyAcrossWorlds(api), enumerable: true });
    },
  };
  const electron = { contextBridge, ipcRenderer };
  const sandboxedRequire = (name) => {
    if (name === 'electron' || name === 'electron/renderer') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} };
  try {
    runPreload(sandboxedRequire, module, module.exports);
  } catch (error) {
    console.error(`Unable to load preload script: ${preloadPath}`);
    console.error(error);
  }
}

function createIpcRenderer(invoke, nextEvents, codec) {
  const listeners = new Map();
  const ipcRenderer = {
    async invoke(channel, ...args) {
      let cloned;
      try {
        cloned = structuredClone(args);
      } catch {
        throw new Error(NOT_CLONEABLE);
      }
      const reply = codec.decodeStructured(await invoke(String(channel), codec.encodeStructured(cloned)));
      if ('error' in reply) throw new Error(`Error invoking remote method '${channel}': ${reply.error}`);
      return reply.result;
    },
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      const remaining = (listeners.get(channel) ?? []).filter((candidate) => candidate !== listener);
      listeners.set(channel, remaining);
      return ipcRenderer;
    },
  };
  ipcRenderer.off = ipcRenderer.removeListener;
  const deliver = (message) => {
    const { channel, args } = codec.decodeStructured(message);
    const event = { sender: ipcRenderer, senderId: 0, ports: [] };
    for (const listener of listeners.get(channel) ?? []) {
      try {
        listener(event, ...args);
      } catch (error) {
        reportError(error);
      }
    }
  };
  // Events from webContents.send, already cloned on the main side, in the order they were sent.
  // The loop ends with the document (its last call is never answered).
  void (async () => {
    for (;;) for (const message of await nextEvents()) deliver(message);
  })();
  return ipcRenderer;
}

/**
 * What contextBridge does to a value going between the preload's world and the page's: functions
 * and promises are proxied (their arguments and results copied in turn), errors keep their
 * message, objects are copied without their prototype, and what remains is structured-cloned.
 */
function copyAcrossWorlds(value) {
  if (typeof value === 'function') {
    return (...args) => {
      let result;
      try {
        result = value(...args.map(copyAcrossWorlds));
      } catch (error) {
        throw copyAcrossWorlds(error);
      }
      return copyAcrossWorlds(result);
    };
  }
  if (value instanceof Promise) {
    return value.then(copyAcrossWorlds, (error) => Promise.reject(copyAcrossWorlds(error)));
  }
  if (value instanceof Error) return new Error(value.message);
  if (Array.isArray(value)) return value.map(copyAcrossWorlds);
  if (value === null || typeof value !== 'object' || CLONED_AS_IS.some((type) => value instanceof type)) {
    return structuredClone(value);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyAcrossWorlds(item)]));
}

const CLONED_AS_IS = [Date, RegExp, Map, Set, ArrayBuffer];

module.exports = { startRendererWorld };
