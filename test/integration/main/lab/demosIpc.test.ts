// The IPC demos (pipe, message queue, shared memory, UNIX socket) run through the lab, each claim
// checked on the real program: its output, its files and the states the sampler saw.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pidOf, useDemoLab } from '../../../support/demoLab';
import { waitFor } from '../../../support/waitFor';

describe('IPC demos', () => {
  const { start, lines, line, row } = useDemoLab();
  const said = (run: Parameters<typeof lines>[0], pattern: RegExp) => lines(run).some((t) => pattern.test(t));

  it('pipe: the reader sleeps (S) in recv() until the writer sends; two-way; EOFError and BrokenPipeError', async () => {
    const run = await start('pipe');
    expect(pidOf(await line(run, /parent: recv\(\) on an empty pipe blocks/))).toBe(run.rootPid);
    await line(run, /child: I send in 6 s/);
    await waitFor(
      'the reader in S before anything was sent',
      () => row(run.rootPid)?.state === 'S' && !said(run, /recv\(\) returned 'hello/),
    );
    expect(pidOf(await line(run, /recv\(\) returned 'hello through the pipe'/, { timeoutMs: 30_000 }))).toBe(
      run.rootPid,
    );
    const answerer = pidOf(await line(run, /child: recv\(\) returned 'ping'; I send back 'PING'/));
    expect(answerer).not.toBe(run.rootPid);
    await line(run, /parent: I sent 'ping'; recv\(\) returned 'PING'/);
    const eof = await line(run, /recv\(\) raised EOFError: writer (\d+) is gone/);
    expect(pidOf(eof)).toBe(run.rootPid);
    await line(run, /send\(\) raised BrokenPipeError \(Broken pipe\): reader \d+ is gone/);
  });

  it('message queue: the producer sleeps in put() while full, the consumer in get() while empty', async () => {
    const run = await start('message-queue');
    const [, producer, consumer] = /producer (\d+), consumer (\d+)/
      .exec(await line(run, /parent: producer \d+, consumer \d+, Queue\(maxsize=3\)/))!
      .map(Number);
    expect(pidOf(await line(run, /producer: full\(\) is True \(qsize\(\) = 3\): put\(4\) blocks/))).toBe(producer);
    await waitFor(
      'the producer in S while the queue is full',
      () => row(producer!)?.state === 'S' && !said(run, /consumer: get\(\) returned/),
    );
    expect(pidOf(await line(run, /consumer: empty\(\) is True: get\(\) blocks/, { timeoutMs: 30_000 }))).toBe(consumer);
    await waitFor(
      'the consumer in S while the queue is empty',
      () => row(consumer!)?.state === 'S' && !said(run, /get\(\) returned 'done'/),
    );
    await line(run, /consumer: get\(\) returned 'done'; qsize\(\) = 0/, { timeoutMs: 30_000 });
    const got = lines(run)
      .map((t) => /consumer: get\(\) returned (\d+)/.exec(t)?.[1])
      .filter((n) => n !== undefined);
    expect(got).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('shared memory: updates are lost without a lock, none with one', async () => {
    const run = await start('shared-memory');
    const result = (name: string) =>
      line(run, new RegExp(`${name}: expected (\\d+), total (\\d+), lost (\\d+)`), { timeoutMs: 60_000 }).then((t) =>
        /expected (\d+), total (\d+), lost (\d+)/.exec(t)!.slice(1).map(Number),
      );
    const [expected, total, lost] = await result('add_without_lock');
    expect(expected).toBe(4 * 300_000);
    expect(lost).toBeGreaterThan(0);
    expect(total! + lost!).toBe(expected);
    expect(await result('add_with_lock')).toEqual([expected, expected, 0]);
    expect(said(run, /add_without_lock: the workers counted \[300000, 300000, 300000, 300000\]/)).toBe(true);
  });

  it('UNIX socket: a socket file, the parent sleeps in recv() while the child takes its time', async () => {
    const run = await start('unix-socket');
    const bound = await line(run, /parent: bound (\S+); a socket file: True/);
    const socketPath = /bound (\S+);/.exec(bound)![1]!;
    expect(statSync(socketPath).isSocket()).toBe(true);
    const child = pidOf(await line(run, /child: sent question 1; the parent answered 'answer to question 1'/));
    await waitFor('the child under its parent', () => row(child)?.ppid === run.rootPid);
    await waitFor(
      'the parent in S, waiting for question 2',
      () => row(run.rootPid)?.state === 'S' && !said(run, /recv\(\) returned 'question 2'/),
    );
    await line(run, /os\.wait\(\) returned \(\d+, 0\)/, { timeoutMs: 30_000 });
    await line(run, /parent: removed/);
    await waitFor('the folder removed', () => !existsSync(path.dirname(socketPath)));
  });
});
