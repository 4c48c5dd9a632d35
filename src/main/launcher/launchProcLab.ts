// npm start and npm run dev: the desktop window wherever Electron can run (downloading its binary
// first if needed), and otherwise browser mode, saying why in one line.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findElectron, hasDisplay, linuxSandboxProblem, type SandboxFacts } from './electronBinary';
import { installElectron, type InstallOptions } from './installElectron';
import { withoutRunAsNode } from '../withoutRunAsNode';

export interface LaunchOptions extends Omit<InstallOptions, 'timeoutMs'>, SandboxFacts {
  /** The repository: package.json, out/ and node_modules/. */
  appDir: string;
  /** Passed on to Electron, or to `proclab serve` in browser mode. */
  args: string[];
  installTimeoutMs: number;
}

export interface Launched {
  mode: 'desktop' | 'browser';
  /** Why not the desktop window (null when it opens). */
  reason: string | null;
  child: ChildProcess;
}

type DesktopElectron = { binary: string } | { reason: string };

/** Electron's binary, installed now if it has never been, or why the window cannot open here. */
export async function desktopElectron(options: LaunchOptions): Promise<DesktopElectron> {
  if (!hasDisplay(options)) return { reason: 'there is no display to open a window on' };
  let found = findElectron(options);
  if (found.kind === 'missing') {
    const installed = await installElectron({ ...options, timeoutMs: options.installTimeoutMs });
    if (!installed.ok) return { reason: `Electron's binary could not be installed: ${installed.reason}` };
    found = findElectron(options);
    if (found.kind === 'missing') return { reason: "Electron's installer finished without leaving its binary" };
  }
  if (found.kind === 'unusable') return { reason: found.reason };
  const sandboxProblem = options.platform === 'linux' ? linuxSandboxProblem(found.binary, options) : null;
  return sandboxProblem ? { reason: sandboxProblem } : { binary: found.binary };
}

export async function launchProcLab(options: LaunchOptions): Promise<Launched> {
  const { appDir, args, env, stdio } = options;
  const electron = await desktopElectron(options);
  if ('binary' in electron) {
    const child = spawn(electron.binary, [appDir, ...args], { cwd: appDir, env: withoutRunAsNode(env), stdio });
    return { mode: 'desktop', reason: null, child };
  }
  options.say(`ProcLab: ${electron.reason}; serving the same UI in browser mode instead.`);
  const cli = path.join(appDir, 'out', 'main', 'cli.js');
  const child = spawn(process.execPath, [cli, 'serve', ...args], { cwd: appDir, env, stdio });
  return { mode: 'browser', reason: electron.reason, child };
}
