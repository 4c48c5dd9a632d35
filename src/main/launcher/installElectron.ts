// Runs the electron package's own installer (install.js, what its first require would run) to
// download the binary, with its output visible, a heartbeat, and a time limit.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ElectronContext } from './electronBinary';

export interface InstallOptions extends ElectronContext {
  timeoutMs: number;
  /** Prints one line for the user. */
  say: (line: string) => void;
  /** 'inherit' shows the installer's own messages and progress bar; tests collect them. */
  stdio: 'inherit' | 'pipe';
  heartbeatMs?: number;
}

export type InstallOutcome = { ok: true } | { ok: false; reason: string };

/** @electron/get draws its own progress bar on a terminal once a download passes 30 s. */
const OWN_PROGRESS_BAR_AFTER_MS = 30_000;

export function installElectron(options: InstallOptions): Promise<InstallOutcome> {
  const { packageDir, env, timeoutMs, say, stdio, heartbeatMs = 10_000 } = options;
  const started = Date.now();
  const seconds = (ms: number) => Math.round(ms / 1000);
  say(`ProcLab: downloading Electron's binary (once, about 100 MB; giving up after ${seconds(timeoutMs)} s)…`);
  const installer = spawn(process.execPath, [path.join(packageDir, 'install.js')], {
    cwd: packageDir,
    env,
    stdio: ['ignore', stdio, stdio],
  });
  const onTerminal = stdio === 'inherit' && process.stderr.isTTY;
  const heartbeat = setInterval(() => {
    const elapsed = Date.now() - started;
    if (!(onTerminal && elapsed >= OWN_PROGRESS_BAR_AFTER_MS))
      say(`ProcLab: still downloading Electron (${seconds(elapsed)} s of at most ${seconds(timeoutMs)} s)…`);
  }, heartbeatMs);
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    installer.kill('SIGTERM');
    setTimeout(
      () => installer.exitCode === null && installer.signalCode === null && installer.kill('SIGKILL'),
      5_000,
    ).unref();
  }, timeoutMs);
  return new Promise((resolve) => {
    const finish = (outcome: InstallOutcome) => {
      clearInterval(heartbeat);
      clearTimeout(deadline);
      resolve(outcome);
    };
    installer.once('error', (error) =>
      finish({ ok: false, reason: `its installer could not start (${error.message})` }),
    );
    installer.once('exit', (code, signal) => {
      if (timedOut) finish({ ok: false, reason: `its download did not finish within ${seconds(timeoutMs)} s` });
      else if (code === 0) finish({ ok: true });
      else finish({ ok: false, reason: `its installer failed with ${signal ?? `exit status ${code}`} (see above)` });
    });
  });
}
