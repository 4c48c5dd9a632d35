// The built app in browser mode opened on the demo lab, and its close that checks that no process
// of its runs is left: the start and end of every lab e2e test.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openApp, type OpenApp } from './browserMode';
import { taggedProcesses } from './labProcesses';
import { waitFor } from './waitFor';

async function openLab(): Promise<OpenApp> {
  const app = await openApp();
  await app.page.click('[data-testid="area-lab"]');
  return app;
}

async function closeLab(app: OpenApp | undefined): Promise<void> {
  if (!app) return;
  await app.close();
  // The server stops its runs on SIGTERM: nothing tagged by it may remain.
  await waitFor('no lab process left', () => taggedProcesses(app.server.process.pid!).length === 0);
}

/** Call inside a describe(): the lab opens before its tests and closes after them. */
export function useLab(): { app: OpenApp; page: Page } {
  const lab = {} as { app: OpenApp; page: Page };
  beforeAll(async () => {
    lab.app = await openLab();
    lab.page = lab.app.page;
  });
  afterAll(() => closeLab(lab.app));
  return lab;
}
