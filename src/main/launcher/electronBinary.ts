// Finds Electron's binary as the electron package's own index.js would, without loading that
// package: loading it downloads the binary with no time limit and no way to fall back.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The electron package and the world it is looked at from (injectable for tests). */
export interface ElectronContext {
  /** node_modules/electron */
  packageDir: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

export type ElectronLookup =
  { kind: 'installed'; binary: string } | { kind: 'missing' } | { kind: 'unusable'; reason: string };

/** The executable inside a dist directory, as the package's install.js names it. */
function executableName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

function readPathFile(packageDir: string): string | null {
  try {
    return readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** path.txt is written by install.js once it has unpacked the binary into dist/. */
export function findElectron({ packageDir, env, platform }: ElectronContext): ElectronLookup {
  const relative = readPathFile(packageDir);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, relative ?? executableName(platform));
    return existsSync(binary)
      ? { kind: 'installed', binary }
      : { kind: 'unusable', reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${binary} does not exist` };
  }
  if (!existsSync(path.join(packageDir, 'package.json')))
    return { kind: 'unusable', reason: `the electron package is not installed (${packageDir}): run npm install` };
  if (!relative) return { kind: 'missing' };
  const binary = path.join(packageDir, 'dist', relative);
  return existsSync(binary) ? { kind: 'installed', binary } : { kind: 'missing' };
}

/** Where the binary would find a window to open: on Linux an X11 or Wayland display. */
export function hasDisplay({ env, platform }: Pick<ElectronContext, 'env' | 'platform'>): boolean {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The Linux facts Chromium's sandbox depends on (injectable for tests). */
export interface SandboxFacts {
  /** Usually /proc/sys. */
  procSysDir: string;
  uid: number;
}

function readSysctl(procSysDir: string, name: string): string | null {
  try {
    return readFileSync(path.join(procSysDir, name), 'utf8').trim();
  } catch {
    return null;
  }
}

function isSetuidRoot(file: string): boolean {
  try {
    const stats = statSync(file);
    return stats.uid === 0 && (stats.mode & 0o4000) !== 0;
  } catch {
    return false;
  }
}

/**
 * Why Chromium's sandbox would abort Electron at start on this Linux, or null. It needs
 * unprivileged user namespaces (Ubuntu 23.10 and later restrict them with AppArmor) or else a
 * chrome-sandbox helper owned by root with the setuid bit, which npm cannot install.
 */
export function linuxSandboxProblem(binary: string, { procSysDir, uid }: SandboxFacts): string | null {
  if (uid === 0) return 'Electron does not run as root with its sandbox on';
  const restricted =
    readSysctl(procSysDir, 'kernel/apparmor_restrict_unprivileged_userns') === '1' ||
    readSysctl(procSysDir, 'kernel/unprivileged_userns_clone') === '0' ||
    readSysctl(procSysDir, 'user/max_user_namespaces') === '0';
  const helper = path.join(path.dirname(binary), 'chrome-sandbox');
  if (!restricted || isSetuidRoot(helper)) return null;
  return `this system restricts user namespaces, so Electron's sandbox needs ${helper} owned by root with mode 4755 (see the README's Install section)`;
}
