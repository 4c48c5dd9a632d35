// The built app in browser mode opened on the monitor, with the test's own processes, and its close
// that kills exactly those processes: the start and end of the monitor's e2e tests.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openApp, type OpenApp } from './browserMode';
import { ChildProcesses } from './ChildProcesses';

const GENEROUS = { timeout: 20_000 };

/** Call inside a describe(): the app opens (and shows its first rows) before its tests, and closes after. */
export function useMonitor(): { app: OpenApp; page: Page; children: ChildProcesses } {
  const monitor = { children: new ChildProcesses() } as { app: OpenApp; page: Page; children: ChildProcesses };
  beforeAll(async () => {
    monitor.app = await openApp();
    monitor.page = monitor.app.page;
    await monitor.page.locator('[data-testid="process-grid"] [role="row"][data-pid]').first().waitFor(GENEROUS);
  });
  afterAll(async () => {
    await monitor.app?.close();
    await monitor.children.killAll();
  });
  return monitor;
}
