// The service end to end (worker thread, diff, subscriptions) against real processes.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/shared/contract/errors';
import { ChildProcesses } from '../../../support/ChildProcesses';
import { recordingConnection, startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

describe('ProcLabService with real processes', () => {
  const { service, dispatch } = startService();
  const children = new ChildProcesses();
  afterEach(() => children.killAll());
  afterAll(() => service.close());

  async function subscribe(intervalMs = 250) {
    const connection = recordingConnection(`test-${Math.random()}`);
    const reply = (await dispatch('subscribe', { intervalMs }, connection)) as Result<{
      subscriptionId: string;
      snapshot: { rows: { pid: number }[] };
    }>;
    if (!reply.ok) throw new Error(reply.error.message);
    for (const row of reply.value.snapshot.rows as never[]) connection.byPid.set((row as { pid: number }).pid, row);
    return { connection, subscriptionId: reply.value.subscriptionId };
  }

  it('answers a snapshot with every process, including this one', async () => {
    const reply = await dispatch('getSnapshot', {}, recordingConnection());
    expect(reply.ok).toBe(true);
    const snapshot = (reply as { value: { rows: { pid: number }[]; summary: { processCount: number } } }).value;
    expect(snapshot.rows.some((row) => row.pid === process.pid)).toBe(true);
    expect(snapshot.summary.processCount).toBe(snapshot.rows.length);
  });

  it('streams a child: spawned in the tree under its parent, then exited', async () => {
    const { connection, subscriptionId } = await subscribe();
    const child = children.spawn('sleep', ['30']);
    await waitFor('spawned event', () => connection.events.find((e) => e.kind === 'spawned' && e.pid === child.pid));
    const row = connection.byPid.get(child.pid)!;
    expect(row.ppid).toBe(process.pid);
    expect(row.cmdline).toEqual(['sleep', '30']);
    process.kill(child.pid, 'SIGKILL');
    await waitFor('exited event', () => connection.events.find((e) => e.kind === 'exited' && e.pid === child.pid));
    await waitFor('the row gone', () => !connection.byPid.has(child.pid));
    await dispatch('unsubscribe', { subscriptionId }, connection);
  });

  it('reports a stopped child as T with a changed event, and a zombie with a zombie event', async () => {
    const { connection, subscriptionId } = await subscribe();
    const stopped = children.spawn('sleep', ['30']);
    await waitFor('the child', () => connection.byPid.get(stopped.pid));
    process.kill(stopped.pid, 'SIGSTOP');
    await waitFor('state T', () => connection.byPid.get(stopped.pid)?.state === 'T');
    expect(connection.events).toContainEqual(
      expect.objectContaining({
        kind: 'changed',
        pid: stopped.pid,
        changes: expect.objectContaining({ state: ['S', 'T'] }),
      }),
    );

    const parent = children.spawn('sh', ['-c', 'sleep 0.1 & exec sleep 30']);
    const zombie = await waitFor('zombie event', () =>
      connection.events.find((e) => e.kind === 'zombie' && e.ppid === parent.pid),
    );
    expect(connection.byPid.get(zombie.pid)?.state).toBe('Z');
    await dispatch('unsubscribe', { subscriptionId }, connection);
  });

  it('reports reparenting when a parent exits before its child', async () => {
    const { connection, subscriptionId } = await subscribe();
    // sh waits on its stdin (a pipe the test holds open) until the test kills it.
    const parent = children.spawn('sh', ['-c', 'sleep 30 & echo $!; read never'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const orphanPid = Number(await ChildProcesses.firstLine(parent));
    children.adopt(orphanPid);
    await waitFor('the orphan-to-be under sh', () => connection.byPid.get(orphanPid)?.ppid === parent.pid);
    process.kill(parent.pid, 'SIGKILL');
    const event = await waitFor('reparented event', () =>
      connection.events.find((e) => e.kind === 'reparented' && e.pid === orphanPid),
    );
    expect(event).toMatchObject({ oldPpid: parent.pid });
    expect((event as { newPpid: number }).newPpid).not.toBe(parent.pid);
    await dispatch('unsubscribe', { subscriptionId }, connection);
  });

  it('pauses without updates and resumes with the whole table', async () => {
    const { connection, subscriptionId } = await subscribe();
    await waitFor('a first update', () => connection.updates.length > 0);
    await dispatch('setPaused', { subscriptionId, paused: true }, connection);
    const countWhenPaused = connection.updates.length;
    const child = children.spawn('sleep', ['30']);
    // While paused, the child may be born but this subscriber hears nothing of it.
    await waitFor('the child sampled by another subscriber', async () => {
      const snap = await dispatch('getSnapshot', {}, recordingConnection());
      return snap.ok && (snap.value as { rows: { pid: number }[] }).rows.some((r) => r.pid === child.pid);
    });
    expect(connection.updates.length).toBe(countWhenPaused);
    await dispatch('setPaused', { subscriptionId, paused: false }, connection);
    const resumed = await waitFor('a reset update', () =>
      connection.updates.slice(countWhenPaused).find((u) => u.delta.reset),
    );
    expect(resumed.delta.upserts.some((row) => row.pid === child.pid)).toBe(true);
    await dispatch('unsubscribe', { subscriptionId }, connection);
  });

  it('answers process details: cwd, exe, fds with pipe inodes, threads, limits, parents', async () => {
    const child = children.spawn('sleep', ['30'], { cwd: '/tmp' });
    await waitFor('the child', async () => (await dispatch('getSnapshot', {}, recordingConnection())).ok);
    const reply = await waitFor('details', async () => {
      const r = await dispatch('getProcessDetails', { pid: child.pid }, recordingConnection());
      return r.ok ? r : undefined;
    });
    const details = reply.value as import('../../../../src/shared/model/ProcessDetails').ProcessDetails;
    expect(details.cwd).toEqual({ value: '/tmp' });
    expect('value' in details.exe && details.exe.value).toMatch(/sleep$/);
    const fds = 'value' in details.fds ? details.fds.value : [];
    // Node gives a child's stdio as a socket pair: the inode is what links the two ends.
    expect(fds.find((fd) => fd.fd === 1)).toMatchObject({ kind: 'socket', inode: expect.any(Number) });
    expect('value' in details.threads && details.threads.value).toHaveLength(1);
    expect('value' in details.limits && details.limits.value.length).toBeGreaterThan(5);
    expect(details.ancestors[0]?.pid).toBe(process.pid);
    expect('value' in details.status && details.status.value.PPid).toBe(String(process.pid));
  });

  it('answers coded errors for bad input and vanished processes', async () => {
    const c = recordingConnection();
    expect(await dispatch('frobnicate', {}, c)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch('subscribe', { intervalMs: 5 }, c)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await dispatch('getProcessDetails', { pid: -4 }, c)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await dispatch('getProcessDetails', { pid: 1, extra: true }, c)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await dispatch('setPaused', { subscriptionId: 'nope', paused: true }, c)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    const child = children.spawn('sleep', ['30']);
    const snapshotReply = await waitFor('the child in a snapshot', async () => {
      const r = await dispatch('getSnapshot', {}, c);
      return (
        r.ok && (r.value as { rows: { pid: number; startTime: number }[] }).rows.find((row) => row.pid === child.pid)
      );
    });
    // A stale start time means the pid now names another process: refused.
    expect(
      await dispatch('getProcessDetails', { pid: child.pid, startTime: snapshotReply.startTime - 1000 }, c),
    ).toMatchObject({
      ok: false,
      error: { code: 'STALE_TARGET' },
    });
  });

  it('drops the subscriptions of a connection that went away', async () => {
    const before = service.hub.size;
    const { connection } = await subscribe();
    expect(service.hub.size).toBe(before + 1);
    service.disconnect(connection);
    expect(service.hub.size).toBe(before);
  });
});
