// npm start's launcher with a stand-in electron package in a temporary directory: its installer
// succeeds, fails or hangs, the display is missing, the sandbox cannot start; real processes.
import { type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchProcLab, type Launched, type LaunchOptions } from '../../../../src/main/launcher/launchProcLab';
import { ChildProcesses } from '../../../support/ChildProcesses';
import { waitFor } from '../../../support/waitFor';

const ROOT = path.resolve(__dirname, '../../../..');
const BROWSER_MODE_LINE = /^ProcLab: (.+); serving the same UI in browser mode instead\.$/;

/** A fake Electron: records where it ran, its arguments and ELECTRON_RUN_AS_NODE, then exits. */
function fakeBinary(record: string): string {
  return [
    '#!/bin/sh',
    `{ pwd; for arg in "$@"; do echo "$arg"; done; echo "ELECTRON_RUN_AS_NODE=\${ELECTRON_RUN_AS_NODE-unset}"; } > '${record}'`,
  ].join('\n');
}

function writeExecutable(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, 0o755);
}

/** What the stand-in package's install.js does; each one notes that it ran. */
const INSTALLERS = {
  succeeds: (dir: string) => `
    const fs = require('fs'), path = require('path');
    fs.appendFileSync(${JSON.stringify(path.join(dir, 'installer-ran'))}, 'yes\\n');
    console.log('Downloading the stand-in Electron...');
    fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(fakeBinary(path.join(dir, 'record.txt')))}, { mode: 0o755 });
    fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`,
  fails: (dir: string) => `
    require('fs').appendFileSync(${JSON.stringify(path.join(dir, 'installer-ran'))}, 'yes\\n');
    console.error('TypeError: fetch failed');
    process.exit(1);`,
  hangs: (dir: string) => `
    require('fs').appendFileSync(${JSON.stringify(path.join(dir, 'installer-ran'))}, process.pid + '\\n');
    setInterval(() => {}, 1000);`,
};

describe('npm start’s launcher', () => {
  let dir: string;
  let said: string[];
  const children = new ChildProcesses();

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'proclab-launcher-'));
    said = [];
    mkdirSync(path.join(dir, 'procsys'));
  });

  afterEach(async () => {
    const installerPids = existsSync(path.join(dir, 'installer-ran'))
      ? readFileSync(path.join(dir, 'installer-ran'), 'utf8').split('\n').map(Number).filter(Boolean)
      : [];
    for (const pid of installerPids) children.adopt(pid);
    await children.killAll();
    rmSync(dir, { recursive: true, force: true });
  });

  function standInElectron(installer: keyof typeof INSTALLERS): string {
    const packageDir = path.join(dir, 'electron');
    mkdirSync(packageDir);
    writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
    writeFileSync(path.join(packageDir, 'install.js'), INSTALLERS[installer](dir));
    return packageDir;
  }

  function options(packageDir: string, overrides: Partial<LaunchOptions> = {}): LaunchOptions {
    const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...env } = process.env;
    return {
      appDir: ROOT,
      packageDir,
      env: { ...env, DISPLAY: ':0', ELECTRON_RUN_AS_NODE: '1' },
      platform: 'linux',
      procSysDir: path.join(dir, 'procsys'),
      uid: 1000,
      args: ['--port', '0'],
      installTimeoutMs: 30_000,
      say: (line) => said.push(line),
      stdio: 'pipe',
      ...overrides,
    };
  }

  async function launch(launchOptions: LaunchOptions): Promise<Launched & { output: () => string }> {
    const launched = await launchProcLab(launchOptions);
    if (launched.child.pid) children.adopt(launched.child.pid);
    let output = '';
    const collect = (chunk: Buffer) => (output += chunk.toString());
    launched.child.stdout?.on('data', collect);
    launched.child.stderr?.on('data', collect);
    return { ...launched, output: () => output };
  }

  const exited = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });

  /** Browser mode really serves, and the one line says why. */
  async function expectBrowserMode(launched: Launched & { output: () => string }, why: RegExp): Promise<void> {
    expect(launched.mode).toBe('browser');
    expect(launched.reason).toMatch(why);
    const lines = said.filter((line) => BROWSER_MODE_LINE.test(line));
    expect(lines).toEqual([`ProcLab: ${launched.reason}; serving the same UI in browser mode instead.`]);
    await waitFor('the browser-mode URL', () => {
      if (launched.child.exitCode !== null) throw new Error(`proclab serve exited: ${launched.output()}`);
      return /http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(launched.output());
    });
  }

  it('installs a missing binary with the package’s installer and opens the window with it', async () => {
    const launched = await launch(options(standInElectron('succeeds')));
    expect(launched.mode).toBe('desktop');
    expect(await exited(launched.child)).toBe(0);
    const [cwd, ...argv] = readFileSync(path.join(dir, 'record.txt'), 'utf8').trim().split('\n');
    expect(cwd).toBe(ROOT);
    expect(argv).toEqual([ROOT, '--port', '0', 'ELECTRON_RUN_AS_NODE=unset']);
    expect(said[0]).toMatch(/^ProcLab: downloading Electron's binary/);
    expect(said.some((line) => BROWSER_MODE_LINE.test(line))).toBe(false);
  });

  it('falls back to browser mode, in one line, when the installer fails', async () => {
    const launched = await launch(options(standInElectron('fails')));
    await expectBrowserMode(
      launched,
      /^Electron's binary could not be installed: its installer failed with exit status 1/,
    );
  });

  it('gives up on an installer that does not finish in time, and ends it', async () => {
    const launched = await launch(options(standInElectron('hangs'), { installTimeoutMs: 1_500 }));
    await expectBrowserMode(launched, /its download did not finish within 2 s/);
    const installerPid = Number(readFileSync(path.join(dir, 'installer-ran'), 'utf8').trim());
    await waitFor('the installer to be ended', () => {
      try {
        process.kill(installerPid, 0);
        return false;
      } catch {
        return true;
      }
    });
  });

  it('serves browser mode without trying to install when there is no display', async () => {
    const launchOptions = options(standInElectron('succeeds'));
    delete launchOptions.env.DISPLAY;
    const launched = await launch(launchOptions);
    await expectBrowserMode(launched, /^there is no display to open a window on$/);
    expect(existsSync(path.join(dir, 'installer-ran'))).toBe(false);
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH instead of installing, and says when it has no binary', async () => {
    const distDir = path.join(dir, 'own-dist');
    writeExecutable(path.join(distDir, 'electron'), fakeBinary(path.join(dir, 'record.txt')));
    const packageDir = standInElectron('fails');
    const launchOptions = options(packageDir);
    const launched = await launch({
      ...launchOptions,
      env: { ...launchOptions.env, ELECTRON_OVERRIDE_DIST_PATH: distDir },
    });
    expect(launched.mode).toBe('desktop');
    expect(await exited(launched.child)).toBe(0);
    expect(readFileSync(path.join(dir, 'record.txt'), 'utf8')).toContain(ROOT);
    expect(existsSync(path.join(dir, 'installer-ran'))).toBe(false);

    const empty = path.join(dir, 'empty-dist');
    mkdirSync(empty);
    const nothing = await launch({
      ...launchOptions,
      env: { ...launchOptions.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
    });
    await expectBrowserMode(nothing, /^ELECTRON_OVERRIDE_DIST_PATH is set, but .*empty-dist\/electron does not exist$/);
  });

  it('serves browser mode where Chromium’s sandbox would abort Electron', async () => {
    const packageDir = standInElectron('succeeds');
    writeExecutable(path.join(packageDir, 'dist', 'electron'), fakeBinary(path.join(dir, 'record.txt')));
    writeFileSync(path.join(packageDir, 'path.txt'), 'electron');
    const procSysDir = path.join(dir, 'procsys');
    mkdirSync(path.join(procSysDir, 'kernel'));
    writeFileSync(path.join(procSysDir, 'kernel', 'apparmor_restrict_unprivileged_userns'), '1\n');
    const launched = await launch(options(packageDir));
    await expectBrowserMode(launched, /restricts user namespaces, .*chrome-sandbox owned by root with mode 4755/);
    expect(existsSync(path.join(dir, 'record.txt'))).toBe(false);
    expect(existsSync(path.join(dir, 'installer-ran'))).toBe(false);
  });
});
