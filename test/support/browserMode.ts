// Starts the built app in browser mode and Debian's Chromium (headless) to drive it, for e2e tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chooseChromium, COMMON_CHROMIUM_ARGS, type ChromiumChoice } from './chromiumExecutable';

const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export interface BrowserModeServer {
  process: ChildProcess;
  pageUrl: string;
  /** The WebSocket endpoint with the same token. */
  wsUrl: string;
  /** What the server printed on stderr so far (warnings, logged failures). */
  stderr(): string;
  stop(): Promise<void>;
}

export const BUILT_CLI = path.join(ROOT, 'out/main/cli.js');

/**
 * `proclab serve` from the build; extra arguments such as --port and --token pass through, and
 * nodeArgs go to Node before the script (the benchmark's probes and profiler).
 */
export async function startBrowserModeServer(
  args: string[] = ['--port', '0'],
  env: NodeJS.ProcessEnv = process.env,
  nodeArgs: string[] = [],
): Promise<BrowserModeServer> {
  if (!existsSync(BUILT_CLI)) throw new Error('e2e tests need the built app: run npm run build first');
  const child = spawn(process.execPath, [...nodeArgs, BUILT_CLI, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let errors = '';
  const pageUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/\S+\?token=\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      errors += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`proclab serve exited (${code}): ${output}`)));
  });
  const { host, searchParams } = new URL(pageUrl);
  return {
    process: child,
    pageUrl,
    wsUrl: `ws://${host}/ws?token=${searchParams.get('token')}`,
    stderr: () => errors,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface BrowserSession {
  browser: Browser;
  page: Page;
  consoleErrors: string[];
  close(): Promise<void>;
}

/** An explicit locale: under LANG=C the packaged Chromium reports en-US@posix, a tag Intl rejects. */
export const PAGE_OPTIONS = { viewport: { width: 1400, height: 860 }, locale: 'en-US' };

export async function openBrowser(choice?: ChromiumChoice): Promise<BrowserSession> {
  const { executablePath, extraArgs } = choice ?? (await chooseChromium());
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...COMMON_CHROMIUM_ARGS, ...extraArgs],
  });
  const page = await browser.newPage(PAGE_OPTIONS);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    browser,
    page,
    consoleErrors,
    // Playwright gives Chromium a fresh temporary profile and removes it on close.
    close: () => browser.close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export interface OpenApp {
  server: BrowserModeServer;
  session: BrowserSession;
  page: Page;
  close(): Promise<void>;
}

/** The built app in browser mode with a page open on it: what every e2e test starts from. */
export async function openApp(choice?: ChromiumChoice, serverArgs?: string[]): Promise<OpenApp> {
  const server = await startBrowserModeServer(serverArgs);
  let session: BrowserSession | undefined;
  try {
    session = await openBrowser(choice);
    await session.page.goto(server.pageUrl);
  } catch (error) {
    // A browser that cannot start or load must not leave itself or its server behind.
    await session?.close();
    await server.stop();
    throw error;
  }
  return {
    server,
    session,
    page: session.page,
    close: async () => {
      await session.close();
      await server.stop();
    },
  };
}
