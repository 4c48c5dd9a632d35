// ELECTRON_RUN_AS_NODE turns any Electron binary into plain Node: an inherited one must never reach
// Electron itself (no window) or the programs the lab starts (users' own Electron apps).

export function withoutRunAsNode(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...rest } = env;
  return rest;
}
