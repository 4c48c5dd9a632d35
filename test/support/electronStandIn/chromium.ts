// The Chromium behind the Electron stand-in: one headless browser whose default profile plays
// Electron's default session; its DevTools port lets the test drive the same pages.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { parseCmdline } from '../../../src/main/sampler/parseCmdline';
import { parseStat } from '../../../src/main/sampler/parseStat';
import { allPids } from '../../../src/main/sampler/allPids';
import { PAGE_OPTIONS } from '../browserMode';
import { chooseChromium, COMMON_CHROMIUM_ARGS } from '../chromiumExecutable';
import { waitFor } from '../waitFor';

export interface StandInChromium {
  context: BrowserContext;
  cdpEndpoint: string;
  chromiumPid: number;
  userDataDir: string;
}

let started: Promise<StandInChromium> | null = null;
let blankPage: Page | undefined;

/** Electron's file:// scheme may load the page's module scripts; plain Chromium needs this flag. */
const ELECTRON_FILE_SCHEME = '--allow-file-access-from-files';

export function startChromium(): Promise<StandInChromium> {
  started ??= launch();
  return started;
}

async function launch(): Promise<StandInChromium> {
  const { executablePath, extraArgs } = await chooseChromium();
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'proclab-electron-stand-in-'));
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      locale: PAGE_OPTIONS.locale,
      viewport: null,
      args: [...COMMON_CHROMIUM_ARGS, ...extraArgs, ELECTRON_FILE_SCHEME, '--remote-debugging-port=0'],
    })
    .catch((error: unknown) => {
      rmSync(userDataDir, { recursive: true, force: true });
      throw error;
    });
  blankPage = context.pages()[0];
  const port = await waitFor(
    'Chromium’s DevTools port',
    () => readFileSync(path.join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0],
  );
  const chromiumPid = findChromium(userDataDir);
  return { context, cdpEndpoint: `http://127.0.0.1:${port}`, chromiumPid, userDataDir };
}

/** Playwright starts Chromium as our child in its own process group; the test kills that group. */
function findChromium(userDataDir: string): number {
  const pid = allPids().find((candidate) => {
    try {
      const stat = parseStat(readFileSync(`/proc/${candidate}/stat`, 'utf8'));
      const commandLine = parseCmdline(readFileSync(`/proc/${candidate}/cmdline`, 'latin1'));
      return stat?.ppid === process.pid && commandLine.includes(`--user-data-dir=${userDataDir}`);
    } catch {
      return false;
    }
  });
  if (pid === undefined) throw new Error('the stand-in’s Chromium is not among its children');
  return pid;
}

/** A page for a new window: the profile's first blank page, then new ones. */
export async function newWindowPage(): Promise<Page> {
  const { context } = await startChromium();
  const page = blankPage ?? (await context.newPage());
  blankPage = undefined;
  return page;
}

export async function closeChromium(): Promise<void> {
  if (!started) return;
  const { context, userDataDir } = await started;
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
