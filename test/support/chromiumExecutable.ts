// Which Chromium the e2e tests drive: CHROMIUM_PATH, else the system one, else the Chromium that
// ships inside the @sparticuz/chromium npm package, so `npm test` passes on a machine without one.
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumChoice {
  executablePath: string;
  kind: 'configured' | 'system' | 'bundled';
  /** Flags this build needs beyond the common ones. */
  extraArgs: string[];
}

/** PROCLAB_CHROMIUM=bundled forces the packaged one, which is how CI keeps that path tested. */
export async function chooseChromium(prefer = process.env.PROCLAB_CHROMIUM): Promise<ChromiumChoice> {
  if (prefer !== 'bundled') {
    if (process.env.CHROMIUM_PATH)
      return { executablePath: process.env.CHROMIUM_PATH, kind: 'configured', extraArgs: [] };
    if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, kind: 'system', extraArgs: [] };
  }
  return bundledChromium();
}

export async function bundledChromium(): Promise<ChromiumChoice> {
  // Unpacks its brotli archives into the temporary directory once, then reuses them.
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await packaged.executablePath();
  return { executablePath, kind: 'bundled', extraArgs: ['--no-zygote'] };
}

/** The flags every e2e Chromium runs with: no sandbox as root, and no network of its own. */
export const COMMON_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
