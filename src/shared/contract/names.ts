// Method and event names of the contract, dependency-free so the sandboxed preload can import them.

export const METHOD_NAMES = [
  'getInfo',
  'getSnapshot',
  'subscribe',
  'unsubscribe',
  'setRefreshInterval',
  'setPaused',
  'getProcessDetails',
  'getSignalCatalog',
  'sendSignal',
  'reniceProcess',
  'endProcessTree',
  'listDemos',
  'startDemo',
  'runCommand',
  'writeTerminal',
  'resizeTerminal',
  'sendTerminalKey',
  'stopRun',
  'listRuns',
  'getRunOutput',
  'getRunProcesses',
  'findLeftovers',
  'cleanLeftovers',
  'getIpcLinks',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const EVENT_NAMES = [
  'update',
  'signalSent',
  'endTreeProgress',
  'labOutput',
  'runChanged',
  'runProcesses',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** Electron IPC channels used by the preload and the IPC adapter (never seen by the page). */
export const IPC_CALL_CHANNEL = 'proclab:call';
export const IPC_EVENT_CHANNEL = 'proclab:event';
