// The process demos (pool, fork copies memory, file halves) run through the lab, each claim
// checked on the real program: its output and what the sampler saw.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pidOf, useDemoLab } from '../../../support/demoLab';
import { waitFor } from '../../../support/waitFor';

describe('process demos', () => {
  const { start, lines, line, row, connection } = useDemoLab();

  it('pool: Pool(3) runs 12 tasks in the same 3 workers, the only python children ever seen', async () => {
    const run = await start('pool');
    const workers = /started workers \[(\d+), (\d+), (\d+)\]/
      .exec(await line(run, /Pool\(3\) started workers/))!
      .slice(1)
      .map(Number);
    await waitFor('the three workers under the pool', () => workers.every((pid) => row(pid)?.ppid === run.rootPid));
    const python = row(run.rootPid)!.comm;
    await line(run, /12 tasks ran in 3 processes/, { timeoutMs: 60_000 });

    const said = lines(run);
    const taskRunners = said.filter((t) => /worker: task +\d+ starts/.test(t)).map(pidOf);
    expect(taskRunners).toHaveLength(12);
    expect(new Set(taskRunners)).toEqual(new Set(workers));
    const finished = said.map((t) => /done \(task (\d+) by worker (\d+)\)/.exec(t)).filter((m) => m !== null);
    expect(new Set(finished.map((m) => Number(m[1])))).toEqual(new Set([...Array(12).keys()].map((n) => n + 1)));
    expect(finished.every((m) => workers.includes(Number(m[2])))).toBe(true);
    for (const api of [/apply_async\(\) queued/, /map\(\) returned/, /close\(\) and join\(\)/])
      expect(said.some((t) => api.test(t))).toBe(true);
    // No process was forked per task: every python child the sampler saw is one of the three.
    const pythonChildren = connection.events.filter(
      (e) => e.kind === 'spawned' && e.ppid === run.rootPid && e.comm === python,
    );
    expect(pythonChildren.map((e) => e.pid).every((pid) => workers.includes(pid))).toBe(true);
  });

  it('fork copies memory: both return values of os.fork(), one address, two different lists', async () => {
    const run = await start('fork-memory');
    const childLine = await line(run, /child: os\.fork\(\) returned 0/);
    const child = pidOf(childLine);
    expect(childLine).toContain(`my parent is ${run.rootPid}`);
    const parentLine = await line(run, /parent: os\.fork\(\) returned \d+/);
    expect(pidOf(parentLine)).toBe(run.rootPid);
    expect(parentLine).toContain(`returned ${child}:`);
    await waitFor('the child under its parent', () => row(child)?.ppid === run.rootPid);

    const address = (pattern: RegExp) => /at address (0x[0-9a-f]+)/.exec(lines(run).find((t) => pattern.test(t))!)![1];
    await line(run, /child: I appended banana: fruits = \['apple', 'banana'\]/);
    await line(run, /parent: fruits = \['apple'\] at address/);
    expect(address(/parent: fruits =/)).toBe(address(/child: I appended/));
    await line(run, /waitpid\(\) returned \d+, exit status 3/, { timeoutMs: 30_000 });
    // Printed after waitpid(): the child has certainly changed its copy by then.
    expect(await line(run, /after the child has gone/)).toMatch(/fruits = \['apple'\]$/);
  });

  it('file halves: parent and child copy at the same time, the copy is identical, the folder removed', async () => {
    const run = await start('file-halves');
    const first = await line(run, /parent: (\S+) has (\d+) bytes/);
    const [, source, size] = /parent: (\S+) has (\d+) bytes/.exec(first)!;
    const folder = source!.slice(0, source!.lastIndexOf('/'));
    const child = pidOf(await line(run, /child: copied bytes/));
    await waitFor('the child under its parent', () => row(child)?.ppid === run.rootPid);
    const done = await line(run, /identical to the source: /, { timeoutMs: 60_000 });
    expect(done).toBe(`[${run.rootPid}] parent: the copy has ${size} bytes; identical to the source: True`);

    const progress = lines(run).filter((t) => /copied bytes/.test(t));
    const byParent = progress.map((t, i) => (pidOf(t) === run.rootPid ? i : -1)).filter((i) => i >= 0);
    const byChild = progress.map((t, i) => (pidOf(t) === child ? i : -1)).filter((i) => i >= 0);
    // At the same time: each started before the other finished.
    expect(byChild[0]).toBeLessThan(byParent.at(-1)!);
    expect(byParent[0]).toBeLessThan(byChild.at(-1)!);
    await waitFor('the run exited with status 0', () => connection.runs.get(run.runId)?.exitCode === 0);
    expect(existsSync(folder)).toBe(false);
  });
});
