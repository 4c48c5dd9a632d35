// `npm run dev`: the renderer's Vite dev server, with the policy the window adds to every response,
// renders in Chromium; the built page keeps the strict policy.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveConfig } from 'electron-vite';
import { createServer, mergeConfig, type InlineConfig, type Plugin, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  DEV_SERVER_CONTENT_SECURITY_POLICY,
} from '../../src/shared/contract/contentSecurityPolicy';
import { openBrowser, type BrowserSession } from '../support/browserMode';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The renderer's config exactly as `electron-vite dev` resolves it, on 127.0.0.1 and a free port,
 * with the policy header src/main/index.ts adds to every response (onHeadersReceived).
 */
async function startRendererDevServer(cacheDir: string, policy: () => string): Promise<ViteDevServer> {
  const resolved = await resolveConfig({ root: ROOT }, 'serve', 'development');
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer config');
  const policyHeader: Plugin = {
    name: 'test-policy-header',
    configureServer(devServer) {
      devServer.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', policy());
        next();
      });
    },
  };
  const server = await createServer(
    mergeConfig(renderer as InlineConfig, {
      configFile: false,
      cacheDir,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, strictPort: true },
      plugins: [policyHeader],
    }),
  );
  await server.listen();
  return server;
}

/** A page on the dev server, and every console line it prints (Vite's HMR client logs at debug). */
async function openDevPage(sessions: BrowserSession[], url: string): Promise<BrowserSession & { log: string[] }> {
  const session = await openBrowser();
  sessions.push(session);
  const log: string[] = [];
  session.page.on('console', (message) => log.push(message.text()));
  await session.page.goto(url);
  return { ...session, log };
}

describe('the dev server page (npm run dev)', () => {
  let server: ViteDevServer;
  let url: string;
  let policy = '';
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'proclab-vite-cache-'));
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    server = await startRendererDevServer(cacheDir, () => policy);
    url = server.resolvedUrls!.local[0]!;
  });

  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('renders the app under the policy the window sends for the dev server', async () => {
    policy = contentSecurityPolicyFor(url);
    const session = await openDevPage(sessions, url);
    const { page } = session;
    // No bridge and no token: the header and the (disconnected) app render, not a blank root.
    await page.locator('#root .app-header').waitFor({ timeout: 30_000 });
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(DEV_SERVER_CONTENT_SECURITY_POLICY);
    expect(await page.evaluate(() => document.querySelector('#root')!.children.length)).toBeGreaterThan(0);
    // Vite's HMR WebSocket is allowed too.
    await expect.poll(() => session.log, { timeout: 30_000 }).toContain('[vite] connected.');
    expect(session.consoleErrors).toEqual([]);
  });

  it('would be blank under the production policy (why the dev server has its own)', async () => {
    policy = CONTENT_SECURITY_POLICY;
    const session = await openDevPage(sessions, url);
    const { page } = session;
    await expect
      .poll(() => session.consoleErrors.join('\n'), { timeout: 30_000 })
      .toMatch(/inline script violates .*Content Security Policy/);
    expect(await page.evaluate(() => document.querySelector('#root')!.children.length)).toBe(0);
  });
});

describe('the built page', () => {
  it('carries the strict policy, with no inline scripts allowed', () => {
    const html = readFileSync(path.join(ROOT, 'out/renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
    expect(contentSecurityPolicyFor(undefined)).toBe(CONTENT_SECURITY_POLICY);
    // The dev policy differs only by allowing the inline preamble.
    expect(DEV_SERVER_CONTENT_SECURITY_POLICY.replace("script-src 'self' 'unsafe-inline'", "script-src 'self'")).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });
});
