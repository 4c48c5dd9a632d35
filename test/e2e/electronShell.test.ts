// The desktop path, Electron-shaped: the built main process, preload and file:// renderer run under
// the Electron stand-in in a real Chromium page; the table, a signal, a demo and quitting all go
// through its IPC (see test/support/electronStandIn).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/contract/contentSecurityPolicy';
import { METHOD_NAMES } from '../../src/shared/contract/names';
import { screenshot } from '../support/browserMode';
import { ChildProcesses, procState } from '../support/ChildProcesses';
import { startElectronHarness, type ElectronHarness } from '../support/electronHarness';
import type { StandInReport } from '../support/electronStandIn/report';
import { taggedProcesses } from '../support/labProcesses';
import {
  chooseSignal,
  selectProcess,
  sendConfirmingOutsideLab,
  terminalText,
  waitForRunTree,
} from '../support/uiActions';
import { waitFor } from '../support/waitFor';

const GENEROUS = { timeout: 20_000 };
const OUT = path.resolve(__dirname, '../../out');
const INLINE_SCRIPT_BLOCKED = 'Executing inline script violates';

describe('the Electron shell under the stand-in', () => {
  let harness: ElectronHarness;
  let page: Page;
  const children = new ChildProcesses();
  const reportsOf = <T extends StandInReport['type']>(type: T) =>
    harness.reports.filter((fact): fact is Extract<StandInReport, { type: T }> => fact.type === type);
  const consoleErrors = () => reportsOf('console-error').map((fact) => fact.text);

  beforeAll(async () => {
    harness = await startElectronHarness();
    page = harness.page;
  });

  afterAll(async () => {
    await harness?.close();
    await children.killAll();
  });

  it('opens one isolated, sandboxed window on the built renderer, from file://', () => {
    const [window, ...others] = reportsOf('window-created');
    expect(others).toEqual([]);
    expect(window?.options.webPreferences).toMatchObject({
      preload: path.join(OUT, 'preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(page.url()).toBe(pathToFileURL(path.join(OUT, 'renderer/index.html')).href);
    // The session's hooks, as the stand-in asked them: the CSP header and no permission granted.
    const probes = reportsOf('session-probe');
    expect(probes.find((probe) => probe.hook === 'onHeadersReceived')?.answer).toMatchObject({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    const permissions = probes.filter((probe) => probe.hook.startsWith('permission '));
    expect(permissions.length).toBeGreaterThan(0);
    expect(permissions.every((probe) => probe.answer === false)).toBe(true);
  });

  it('runs the preload before the page: window.proclab is the bridge, and nothing else leaks', async () => {
    const seen = await page.evaluate(() => ({
      bridge: Object.keys(window.proclab ?? {}),
      methods: Object.keys(window.proclab?.methods ?? {}),
      leaks: ['require', 'ipcRenderer', 'process', '__electronStandInInvoke', '__electronStandInEvents'].filter(
        (name) => name in window,
      ),
    }));
    expect(seen).toEqual({ bridge: ['methods', 'on'], methods: [...METHOD_NAMES], leaks: [] });
  });

  it('applies the production CSP of the built page: an inline script does not run', async () => {
    const outcome = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), {
          once: true,
        }),
      );
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inlineRan = "yes"';
      document.head.append(script);
      // An inline script that is allowed runs as it is appended; a blocked one reports a violation.
      if (document.body.dataset.inlineRan) return { ran: true };
      return { ran: false, directive: await violation };
    });
    expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    await waitFor('the blocked script in the console', () =>
      consoleErrors().some((text) => text.includes(INLINE_SCRIPT_BLOCKED)),
    );
  });

  it('fills the table through IPC, with the main process in it', async () => {
    await page.locator('[data-testid="process-grid"] [role="row"][data-pid]').first().waitFor(GENEROUS);
    await page.fill('[data-testid="search"]', `pid=${harness.process.pid}`);
    await expect
      .poll(() => page.textContent(`[role="row"][data-pid="${harness.process.pid}"]`), GENEROUS)
      .toContain('launch.cjs');
    await screenshot(page, 'electron-table');
  });

  it('clones calls like Electron: what cannot be cloned fails, bad params get INVALID_ARGUMENT', async () => {
    const outcomes = await page.evaluate(async () => {
      const methods = window.proclab!.methods;
      const uncloneable = await methods.getInfo((() => 1) as never).then(
        () => 'resolved',
        (error: Error) => error.message,
      );
      const badParams = await methods.getProcessDetails({ pid: 'one' } as never);
      return { uncloneable, badParams };
    });
    expect(outcomes.uncloneable).toBe('An object could not be cloned.');
    expect(outcomes.badParams).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('sends a signal to a child of the test and shows what happened', async () => {
    const { child, output } = await children.nodeWithUsr1Handler();
    await selectProcess(page, child.pid);
    await chooseSignal(page, 'SIGUSR1');
    await expect.poll(() => page.textContent('[data-testid="prediction"]'), GENEROUS).toContain('handler will run');
    await sendConfirmingOutsideLab(page);
    await expect.poll(() => page.textContent('[data-testid="observed"]'), GENEROUS).toContain('still running');
    await waitFor('the handler’s output', () => output().includes('got USR1'));
    await page.keyboard.press('Escape');
    // The signalSent event came back through webContents.send (in this process's own timeline).
    await page.selectOption('[data-testid="timeline-scope"]', 'process');
    await page
      .locator(`[data-testid="timeline"] button[data-kind="signal"][data-pid="${child.pid}"]`)
      .waitFor(GENEROUS);
  });

  it('runs a demo and shows its processes', async () => {
    await page.click('[data-testid="area-lab"]');
    await page.click('[data-demo="driver-conductor"]');
    await page.click('[data-testid="start-demo"]');
    await expect.poll(() => terminalText(page), GENEROUS).toContain('driver: ready');
    // The driver, and the conductor it forked, under it.
    await waitForRunTree(page, ['driver_conductor.py', 'driver_conductor.py']);
    expect(taggedProcesses(harness.process.pid).length).toBeGreaterThan(0);
    await screenshot(page, 'electron-lab-run');
  });

  it('keeps the window on its page: navigation and new windows are refused', async () => {
    const url = page.url();
    await page.evaluate(() => window.open('about:blank#proclab-popup'));
    await page.evaluate(() => (window.location.href = 'http://127.0.0.1:9/elsewhere'));
    await waitFor('both refusals', () => reportsOf('window-open').length > 0 && reportsOf('will-navigate').length > 0);
    expect(reportsOf('window-open')).toEqual([
      { type: 'window-open', url: 'about:blank#proclab-popup', action: 'deny' },
    ]);
    expect(reportsOf('will-navigate')).toEqual([
      { type: 'will-navigate', url: 'http://127.0.0.1:9/elsewhere', prevented: true },
    ]);
    expect(page.url()).toBe(url);
    await expect.poll(() => page.context().pages().length, GENEROUS).toBe(1);
  });

  it('logged no errors: none in the page but the inline script it provoked, none in the main process', () => {
    expect(consoleErrors()).toEqual([expect.stringContaining(INLINE_SCRIPT_BLOCKED)]);
    expect(harness.errorOutput()).toBe('');
  });

  it('quits when its window closes, and leaves no lab process behind', async () => {
    const ownerPid = harness.process.pid;
    expect(taggedProcesses(ownerPid).length).toBeGreaterThan(0);
    await page.close();
    expect(await harness.exited).toBe(0);
    const quitEvents = reportsOf('app-event')
      .map((fact) => fact.name)
      .filter((name) => ['window-all-closed', 'before-quit', 'will-quit', 'quit'].includes(name));
    // index.ts holds the first before-quit until the lab has stopped, then quits again.
    expect(quitEvents).toEqual(['window-all-closed', 'before-quit', 'before-quit', 'will-quit', 'quit']);
    await waitFor('no lab process left', () => taggedProcesses(ownerPid).length === 0);
    expect([null, 'Z']).toContain(procState(harness.ready.chromiumPid));
  });
});
