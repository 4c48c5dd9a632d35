// The synchronisation and thread demos (semaphore, event, threads) run through the lab, each claim
// checked on the real program: its output, the states the sampler saw and the PCB's thread list.
import { describe, expect, it } from 'vitest';
import { pidOf, useDemoLab } from '../../../support/demoLab';
import { waitFor } from '../../../support/waitFor';

describe('synchronisation and thread demos', () => {
  const { start, lines, line, row, call } = useDemoLab();

  it('semaphore: never more than 2 of 6 workers inside; the others sleep (S) in acquire()', async () => {
    const run = await start('semaphore');
    const workers = /workers \[([\d, ]+)\]/
      .exec(await line(run, /parent: 6 workers \[/))![1]!
      .split(', ')
      .map(Number);
    const waiting = () => {
      const inside = new Set(
        lines(run)
          .filter((t) => /worker: in\./.test(t))
          .map(pidOf),
      );
      return workers.filter((pid) => !inside.has(pid));
    };
    await waitFor('a worker kept out, in S, while two are inside', () => {
      const full = lines(run).some((t) => /Inside now: 2; free places: 0/.test(t));
      return full && waiting().some((pid) => row(pid)?.state === 'S');
    });
    await line(run, /the most inside at once was 2 \(of 2 places\)/, { timeoutMs: 60_000 });
    const counts = lines(run)
      .map((t) => /Inside now: (\d+)/.exec(t)?.[1])
      .filter((n) => n !== undefined)
      .map(Number);
    expect(counts).toHaveLength(12);
    expect(Math.max(...counts)).toBe(2);
    expect(
      new Set(
        lines(run)
          .filter((t) => /worker: in\./.test(t))
          .map(pidOf),
      ),
    ).toEqual(new Set(workers));
  });

  it('event: the workers sleep (S) in wait() until the parent calls set(), then all wake', async () => {
    const run = await start('event');
    const workers = /workers \[(\d+), (\d+), (\d+)\]/
      .exec(await line(run, /parent: workers \[/))!
      .slice(1)
      .map(Number);
    await waitFor('every worker in S before set()', () => {
      const set = lines(run).some((t) => /set\(\) called/.test(t));
      return !set && workers.every((pid) => row(pid)?.state === 'S');
    });
    await line(run, /parent: set\(\) called/, { timeoutMs: 30_000 });
    await waitFor('three workers woken', () =>
      workers.every((pid) => lines(run).some((t) => t.startsWith(`[${pid}] worker: woken after`))),
    );
    const woken = lines(run).filter((t) => /woken after/.test(t));
    expect(woken.every((t) => t.endsWith('is_set() = True'))).toBe(true);
    expect(lines(run).filter((t) => /wait\(\): is_set\(\) = False/.test(t))).toHaveLength(3);
  });

  it('threads: one process, NLWP 5 and the l flag, its threads named in the PCB, one shared list', async () => {
    const run = await start('threads');
    const tids = await waitFor('four threads printed', () => {
      const found = lines(run)
        .map((t) => /(thread-\d) \(TID (\d+)\)/.exec(t))
        .filter((m) => m !== null);
      return found.length === 4 ? found.map((m) => ({ name: m[1]!, tid: Number(m[2]) })) : undefined;
    });
    expect(lines(run).every((t) => pidOf(t) === run.rootPid)).toBe(true);
    expect(lines(run).find((t) => /thread-4 \(TID/.test(t))).toMatch(
      /visitors = \['thread-1', 'thread-2', 'thread-3', 'thread-4'\]$/,
    );
    const record = await waitFor('NLWP 5', () => (row(run.rootPid)?.threads === 5 ? row(run.rootPid) : undefined));
    expect(record.stat).toContain('l');
    const details = await call('getProcessDetails', { pid: run.rootPid, startTime: record.startTime });
    if (!('value' in details.threads)) throw new Error(`no thread list: ${details.threads.unavailable}`);
    const listed = details.threads.value;
    for (const { name, tid } of tids) expect(listed).toContainEqual(expect.objectContaining({ tid, comm: name }));
    // The threads end one by one: the first join() and the count going down.
    await line(run, /join\(\): thread-1 has ended; threads left: 4/, { timeoutMs: 40_000 });
    await waitFor('NLWP 4', () => row(run.rootPid)?.threads === 4);
  });
});
