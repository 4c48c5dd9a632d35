// Entry of `npm start` and `npm run dev` (through scripts/start.mjs): runs the launcher with this
// machine's facts, forwards Ctrl+C and SIGTERM to what it started, and exits with its status.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { withoutRunAsNode } from '../withoutRunAsNode';
import { desktopElectron, launchProcLab, type LaunchOptions } from './launchProcLab';

const INSTALL_TIMEOUT_MS = 5 * 60_000;

function machineOptions(args: string[]): LaunchOptions {
  const appDir = path.resolve(__dirname, '../..');
  return {
    appDir,
    packageDir: path.join(appDir, 'node_modules', 'electron'),
    env: process.env,
    platform: process.platform,
    procSysDir: '/proc/sys',
    uid: process.getuid?.() ?? -1,
    args,
    installTimeoutMs: INSTALL_TIMEOUT_MS,
    say: (line) => console.log(line),
    stdio: 'inherit',
  };
}

function followChild(child: ChildProcess): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

/** electron-vite dev with the same binary (it would otherwise only read path.txt). */
async function startDev(options: LaunchOptions): Promise<void> {
  const electron = await desktopElectron(options);
  if (!('binary' in electron)) {
    console.error(`ProcLab: npm run dev needs the desktop window, but ${electron.reason}.`);
    process.exit(1);
  }
  const electronVite = path.join(options.appDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const env = { ...withoutRunAsNode(options.env), ELECTRON_EXEC_PATH: electron.binary };
  followChild(
    spawn(process.execPath, [electronVite, 'dev', ...options.args], { cwd: options.appDir, env, stdio: 'inherit' }),
  );
}

export async function startFromCommandLine(argv: string[]): Promise<void> {
  if (argv[0] === '--dev') return startDev(machineOptions(argv.slice(1)));
  const launched = await launchProcLab(machineOptions(argv));
  followChild(launched.child);
}
