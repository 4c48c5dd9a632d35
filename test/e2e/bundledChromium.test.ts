// The Chromium shipped inside an npm package drives the app too: the path a fresh machine without
// a system Chromium takes. It runs everywhere, so CI exercises it even where the system one exists.
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../support/browserMode';
import { bundledChromium } from '../support/chromiumExecutable';

describe('the bundled Chromium', () => {
  let app: OpenApp | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it('opens the app and fills the table', async () => {
    const choice = await bundledChromium();
    expect(choice.executablePath).not.toBe('/usr/bin/chromium');
    app = await openApp(choice);
    await app.page.locator('[data-testid="process-grid"] [role="row"][data-pid]').first().waitFor({ timeout: 30_000 });
    expect(app.session.consoleErrors).toEqual([]);
  });
});
