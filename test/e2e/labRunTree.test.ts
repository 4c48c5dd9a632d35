// The lab's run tree in Chromium (issue 10, findings 1 and 8): every process of a run with its
// state and parent link at the lab's rate, even with the monitor paused; exits with their status;
// an orphan kept and marked adopted; and the lab keeping its run and guide across area switches.
import { readFileSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useLab } from '../support/labPage';
import { waitFor } from '../support/waitFor';

const GENEROUS = { timeout: 30_000 };
const tree = '[data-testid="run-tree"]';

interface TreeRow {
  pid: number;
  depth: number;
  state: string;
  text: string;
  adoptedBy: number | null;
}

function treeRows(page: Page): Promise<TreeRow[]> {
  return page.locator(`${tree} [role="treeitem"]`).evaluateAll((rows) =>
    rows.map((row) => ({
      pid: Number(row.getAttribute('data-pid')),
      depth: Number(row.getAttribute('data-depth')),
      state: row.getAttribute('data-state') ?? '',
      text: row.textContent ?? '',
      adoptedBy: row.hasAttribute('data-adopted-by') ? Number(row.getAttribute('data-adopted-by')) : null,
    })),
  );
}

async function startDemo(page: Page, demoId: string): Promise<string> {
  await page.click(`[data-demo="${demoId}"]`);
  await page.click('[data-testid="start-demo"]');
  const panel = page.locator('[data-testid="run-panel"]');
  await panel.waitFor(GENEROUS);
  return (await panel.getAttribute('data-run'))!;
}

const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);

describe('the run tree in the lab', () => {
  const lab = useLab();

  it('shows fork’s parent and children with their states, even with the monitor paused, then their exits', async () => {
    const { page } = lab;
    // Paused, the monitor receives nothing: the tree must come from the lab's own sampling.
    await page.click('[data-testid="pause"]');
    await startDemo(page, 'fork');
    // Only the Python processes: where python3 is a shim (pyenv), its helpers are in the run too.
    const forkRows = async () => (await treeRows(page)).filter((r) => r.text.includes('fork.py') && r.state === 'S');
    await expect.poll(async () => (await forkRows()).length, GENEROUS).toBe(3);
    const [parent, ...children] = await forkRows();
    expect(children.map((c) => c.depth)).toEqual([parent!.depth + 1, parent!.depth + 1]);
    for (const child of children) expect(parentOf(child.pid)).toBe(parent!.pid);

    // Child 1 ends after 6 s and stays a zombie until the parent's wait() at 15 s.
    await expect
      .poll(async () => (await treeRows(page)).find((r) => r.pid === children[0]!.pid)?.text, GENEROUS)
      .toContain('<defunct>');
    expect((await treeRows(page)).find((r) => r.pid === children[0]!.pid)?.state).toBe('Z');

    // Then every process has exited: ghosts, the parent with the exact status the lab saw.
    const family = [parent!, ...children].map((p) => p.pid);
    const ofFamily = async () => (await treeRows(page)).filter((r) => family.includes(r.pid));
    await expect
      .poll(async () => (await ofFamily()).map((r) => r.state), GENEROUS)
      .toEqual(['exited', 'exited', 'exited']);
    const ended = await ofFamily();
    expect(ended.map((r) => [r.pid, r.depth])).toEqual([parent, ...children].map((r) => [r!.pid, r!.depth]));
    expect(ended[0]!.text).toContain('exit status 0');
    // The children's statuses, read from them while they were zombies (ProcLab is not their parent).
    expect(ended[1]!.text).toContain('exit status 1');
    expect(ended[2]!.text).toContain('exit status 2');
    await page.click('[data-testid="pause"]');
  });

  it('names each process by the role its lines give it: forks sharing one command line told apart', async () => {
    const { page } = lab;
    await startDemo(page, 'signal-handlers');
    const roleOf = async () =>
      Object.fromEntries(
        await page
          .locator(`${tree} [role="treeitem"]`)
          .evaluateAll((rows) =>
            rows.map((row) => [
              row.querySelector('[data-testid="run-tree-role"]')?.textContent ?? '',
              Number(row.getAttribute('data-pid')),
            ]),
          ),
      ) as Record<string, number>;
    const roles = ['launcher', 'alarm', 'ignorer', 'stubborn', 'blocker'];
    await expect
      .poll(async () => {
        const named = await roleOf();
        return roles.every((role) => role in named);
      }, GENEROUS)
      .toBe(true);
    const pids = await roleOf();
    // The launcher forked the four others: same program, same command line, told apart by role.
    for (const role of roles.slice(1)) expect(parentOf(pids[role]!)).toBe(pids.launcher);
    // The output menu names them too.
    await expect
      .poll(() => page.locator('[data-testid="output-of"] option').allTextContents())
      .toContain(`process ${pids.blocker}, blocker (its "[pid]" lines)`);
    await page.click('[data-testid="stop-run"]');
  });

  it('keeps an orphan in the tree, marked with the parent that adopted it', async () => {
    const { page } = lab;
    await startDemo(page, 'orphan');
    const orphan = await expect
      .poll(async () => (await treeRows(page)).find((r) => r.adoptedBy !== null) ?? null, GENEROUS)
      .not.toBeNull()
      .then(async () => (await treeRows(page)).find((r) => r.adoptedBy !== null)!);
    expect(orphan.adoptedBy).toBe(parentOf(orphan.pid));
    expect(orphan.text).toContain(`adopted by ${orphan.adoptedBy}`);
    expect(orphan.depth).toBe(0);
    // The parent that left it is still there, as a ghost with its status (its exit may come an
    // update after the adoption was seen).
    await expect
      .poll(async () => (await treeRows(page)).find((r) => r.state === 'exited' && r.depth === 0)?.text, GENEROUS)
      .toContain('exit status 0');

    // Selecting it opens its PCB.
    await page.click(`${tree} [data-pid="${orphan.pid}"]`);
    await expect
      .poll(() => page.getAttribute('[data-testid="details"]', 'aria-label'), GENEROUS)
      .toBe(`Process ${orphan.pid}`);
    await page.click('[data-testid="stop-run"]');
  });

  it('counts a zombie apart from the living, and opens the new run’s first process in the PCB', async () => {
    const { page } = lab;
    await startDemo(page, 'zombie');
    await expect
      .poll(() => page.textContent(`${tree} .run-tree-counts`), GENEROUS)
      .toBe('1 alive · 1 defunct (zombie) · 0 exited');
    await expect.poll(() => page.textContent('[data-testid="run-alive"]'), GENEROUS).toBe('1 process alive · 1 zombie');
    // The PCB turned to the new run's first process (not one of an earlier run).
    const root = await page.locator(`${tree} [role="treeitem"][data-depth="0"]`).first().getAttribute('data-pid');
    await expect
      .poll(() => page.getAttribute('[data-testid="details"]', 'aria-label'), GENEROUS)
      .toBe(`Process ${root}`);
    await page.click('[data-testid="stop-run"]');
  });

  it('keeps the run, its guide and the highlighted demo across Monitor → Lab → Monitor → Lab', async () => {
    const { page } = lab;
    const runId = await startDemo(page, 'zombie');
    await expect.poll(() => page.isVisible('[data-testid="run-guide"]')).toBe(true);
    expect(await page.textContent('[data-testid="run-guide"]')).toContain('Try this');

    await page.click('[data-demo="fork"]');
    expect(await page.getAttribute('[data-demo="fork"]', 'aria-pressed')).toBe('true');
    await page.click(`[data-testid="run-list"] [data-run="${runId}"]`);
    // The demo list follows the run shown.
    expect(await page.getAttribute('[data-demo="zombie"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('[data-demo="fork"]', 'aria-pressed')).toBe('false');

    await page.click('[data-testid="area-monitor"]');
    await page.locator('[data-testid="process-grid"]').waitFor(GENEROUS);
    await page.click('[data-testid="area-lab"]');
    expect(await page.getAttribute('[data-testid="run-panel"]', 'data-run')).toBe(runId);
    expect(await page.textContent('[data-testid="run-guide"]')).toContain('What you should see');
    expect(await page.getAttribute('[data-demo="zombie"]', 'aria-pressed')).toBe('true');

    // Folded, the guide stays folded across the switch too.
    await page.click('[data-testid="run-guide"] summary');
    await page.click('[data-testid="area-monitor"]');
    await page.click('[data-testid="area-lab"]');
    expect(await page.getAttribute('[data-testid="run-guide"]', 'open')).toBeNull();
    await page.click('[data-testid="run-guide"] summary');
    await page.click('[data-testid="stop-run"]');
  });

  it("keeps a run's processes in its timeline after they exit, on a page reloaded during the run", async () => {
    const { page } = lab;
    const runId = await startDemo(page, 'zombie');
    const zombieRow = page.locator(`${tree} [role="treeitem"][data-state="Z"]`);
    await zombieRow.waitFor(GENEROUS);
    const zombie = Number(await zombieRow.getAttribute('data-pid'));
    // Reloaded: this page never sees the zombie born, only the lab's list of the run's processes.
    await page.reload();
    await page.click('[data-testid="area-lab"]');
    // The lab comes back to the live run by itself.
    await expect.poll(() => page.getAttribute('[data-testid="run-panel"]', 'data-run'), GENEROUS).toBe(runId);
    await page.locator(`${tree} [role="treeitem"][data-pid="${zombie}"]`).waitFor(GENEROUS);
    await page.selectOption('[data-testid="timeline-scope"]', `run:${runId}`);
    // Its parent ends: init adopts the zombie and reaps it, long after it was born.
    await page.click('[data-testid="stop-run"]');
    const zombieEntries = page.locator(`[data-testid="timeline-list"] [data-pid="${zombie}"]`);
    await expect
      .poll(() => zombieEntries.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind'))), {
        timeout: 60_000,
      })
      .toContain('reaped');
    await page.selectOption('[data-testid="timeline-scope"]', 'all');
  });

  it('says a run outlived by its daemon is still running, though its first process exited', async () => {
    const { page } = lab;
    const runId = await startDemo(page, 'daemon');
    // The daemon's log, named in its line, is removed at the end (the demo leaves it on purpose).
    await page.selectOption('[data-testid="output-of"]', 'named');
    const logIs = /its log is (\/\S+?);?(?:\s|$)/;
    const log = await waitFor(
      'the daemon to name its log',
      async () => logIs.exec((await page.textContent('[data-testid="process-lines"]')) ?? '')?.[1],
      { timeoutMs: 30_000 },
    );
    await page.selectOption('[data-testid="output-of"]', '');
    try {
      const status = page.locator('[data-testid="run-status"]');
      await expect.poll(() => status.getAttribute('data-status'), GENEROUS).toBe('outlived');
      expect(await status.textContent()).toBe('running: its first process exited with code 0');
      const dot = `[data-testid="run-list"] [data-run="${runId}"] .run-status`;
      expect(await page.getAttribute(dot, 'class')).toContain('status-running');
      await page.click('[data-testid="stop-run"]');
      // The daemon gone, the run is over: its first process's exit is what it reports.
      await expect
        .poll(() => page.textContent('[data-testid="run-alive"]'), { timeout: 45_000 })
        .toBe('0 processes alive');
      expect(await status.getAttribute('data-status')).not.toBe('outlived');
    } finally {
      rmSync(log, { force: true });
    }
  });

  it('logged no console errors', () => {
    expect(lab.app.session.consoleErrors).toEqual([]);
  });
});
