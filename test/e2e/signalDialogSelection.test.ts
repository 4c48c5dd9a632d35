// The signal dialog never acts on a signal or a process the student cannot see: the filter moves
// the selection onto what it shows, and a target that exits turns the dialog's Send off.
import { afterEach, describe, expect, it } from 'vitest';
import { useMonitor } from '../support/monitorPage';
import { selectProcess } from '../support/uiActions';
import { waitFor } from '../support/waitFor';

const GENEROUS = { timeout: 20_000 };
const DIALOG = '[data-testid="signal-dialog"]';
const FILTER = `${DIALOG} input[type="search"]`;
const SEND = '[data-testid="send-signal"]';

describe('signal dialog selection and target', () => {
  const monitor = useMonitor();

  afterEach(async () => {
    if (await monitor.page.isVisible(DIALOG)) await monitor.page.keyboard.press('Escape');
    await monitor.children.killAll();
  });

  async function openDialogOn(pid: number): Promise<void> {
    await selectProcess(monitor.page, pid);
    await monitor.page.click('[data-testid="open-signal-dialog"]');
    await monitor.page.locator(DIALOG).waitFor(GENEROUS);
    await expect.poll(() => monitor.page.textContent(SEND), GENEROUS).toBe('Send SIGTERM');
  }

  it('selects the first signal the filter shows, and Enter sends that one', async () => {
    const child = monitor.children.spawn('sleep', ['300']);
    await openDialogOn(child.pid);

    await monitor.page.fill(FILTER, 'KILL');
    await expect.poll(() => monitor.page.textContent(SEND), GENEROUS).toBe('Send SIGKILL');
    expect(await monitor.page.getAttribute(`${DIALOG} [data-signal="SIGKILL"]`, 'aria-selected')).toBe('true');
    expect(await monitor.page.getAttribute('[data-testid="prediction"]', 'data-kind')).toBe('uncatchable-terminate');

    // A filter that matches nothing selects nothing, and says why Send is off.
    await monitor.page.fill(FILTER, 'no such signal');
    await expect.poll(() => monitor.page.isDisabled(SEND), GENEROUS).toBe(true);
    expect(await monitor.page.textContent('[data-testid="prediction"]')).toMatch(/No signal matches “no such signal”/);
    expect(await monitor.page.locator(`${DIALOG} [aria-selected="true"]`).count()).toBe(0);
    await monitor.page.fill(FILTER, 'KILL');
    await expect.poll(() => monitor.page.textContent(SEND), GENEROUS).toBe('Send SIGKILL');

    // Enter in the filter sends what is selected; the lab did not start this child, so it asks first.
    await monitor.page.press(FILTER, 'Enter');
    await expect
      .poll(() => monitor.page.textContent('[data-testid="observed"]'), GENEROUS)
      .toContain('SIGKILL will end');
    await monitor.page.click('[data-testid="send-anyway"]');
    await waitFor('the child to be killed by SIGKILL', () => child.signalCode === 'SIGKILL');
    // What was observed sits beside the prediction the signal was sent on, not one remade for
    // the process as the signal left it (gone: "nothing left to signal").
    await expect.poll(() => monitor.page.textContent('[data-testid="observed"]'), GENEROUS).toContain('as predicted');
    await expect.poll(() => monitor.page.isDisabled(SEND), GENEROUS).toBe(true); // the dialog saw it go
    expect(await monitor.page.getAttribute('[data-testid="prediction"]', 'data-kind')).toBe('uncatchable-terminate');
  });

  it('forgets a confirmation when the target changes: "Send anyway" never reaches another target', async () => {
    const child = monitor.children.spawn('sleep', ['300']);
    await openDialogOn(child.pid);
    await monitor.page.click(SEND);
    await monitor.page.locator('[data-testid="send-anyway"]').waitFor(GENEROUS);
    await monitor.page.click('[data-testid="target-group"]');
    await expect.poll(() => monitor.page.isVisible('[data-testid="send-anyway"]'), GENEROUS).toBe(false);
    expect(child.exitCode === null && child.signalCode === null).toBe(true);
  });

  it('says its process has exited and turns Send off once the process is gone', async () => {
    const child = monitor.children.spawn('sleep', ['300']);
    await openDialogOn(child.pid);
    await expect
      .poll(() => monitor.page.getAttribute('[data-testid="prediction"]', 'data-kind'), GENEROUS)
      .toBe('terminate');
    expect(await monitor.page.isDisabled(SEND)).toBe(false);

    // The test kills its own child; Node reaps it, so it is gone from /proc, not a zombie.
    process.kill(child.pid, 'SIGKILL');
    await waitFor('the child to be reaped', () => child.signalCode === 'SIGKILL');

    await expect
      .poll(() => monitor.page.textContent('[data-testid="prediction"]'), GENEROUS)
      .toBe(`sleep (${child.pid}) has exited: there is no process left to signal.`);
    expect(await monitor.page.isDisabled(SEND)).toBe(true);

    await monitor.page.selectOption('[data-testid="language"]', 'zh');
    await expect.poll(() => monitor.page.textContent('[data-testid="prediction"]'), GENEROUS).toContain('已经退出');
    expect(await monitor.page.isDisabled(SEND)).toBe(true);
    await monitor.page.selectOption('[data-testid="language"]', 'en');
  });

  it('logged no console errors', () => {
    expect(monitor.app.session.consoleErrors).toEqual([]);
  });
});
