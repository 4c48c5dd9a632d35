// The service with the portable sampler forced on Linux: the table streams, and what needs /proc
// (details, signals, the lab) is reported as unavailable and refused with UNSUPPORTED.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../../../src/shared/contract/methods';
import { ChildProcesses } from '../../../support/ChildProcesses';
import { recordingConnection, startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

describe('ProcLabService with the portable sampler', () => {
  const { service, dispatch } = startService({ sampler: 'portable' });
  const children = new ChildProcesses();
  afterEach(() => children.killAll());
  afterAll(() => service.close());

  it('reports its sampler and that it offers only the table', async () => {
    const reply = await dispatch('getInfo', {}, recordingConnection());
    expect(reply.ok).toBe(true);
    const info = (reply as { value: ServerInfo }).value;
    expect(info.sampler).toBe('portable');
    expect(info.capabilities).toEqual({ details: false, signals: false, lab: false });
  });

  it('streams a real child born and gone, and refuses what needs /proc with UNSUPPORTED', async () => {
    const connection = recordingConnection();
    expect(await dispatch('subscribe', { intervalMs: 250 }, connection)).toMatchObject({ ok: true });
    const child = children.spawn('sleep', ['30']);
    const born = await waitFor('spawned', () =>
      connection.events.find((e) => e.kind === 'spawned' && e.pid === child.pid),
    );
    const unsupported = { ok: false, error: { code: 'UNSUPPORTED' } };
    const pin = { pid: child.pid, startTime: born.startTime };
    expect(await dispatch('getProcessDetails', pin, connection)).toMatchObject(unsupported);
    expect(await dispatch('sendSignal', { ...pin, signal: 'SIGSTOP' }, connection)).toMatchObject(unsupported);
    expect(await dispatch('listDemos', {}, connection)).toMatchObject(unsupported);
    expect(await dispatch('getIpcLinks', { pids: [child.pid] }, connection)).toMatchObject(unsupported);
    process.kill(child.pid, 'SIGKILL');
    const gone = await waitFor('exited', () =>
      connection.events.find((e) => e.kind === 'exited' && e.pid === child.pid),
    );
    expect(gone.startTime).toBe(born.startTime);
    // Between its birth and its death, the child was never seen "born" again.
    expect(connection.events.filter((e) => e.kind === 'spawned' && e.pid === child.pid)).toHaveLength(1);
  });
});

describe('ProcLabService with the /proc sampler', () => {
  const { service, dispatch } = startService({ sampler: 'linux-proc' });
  afterAll(() => service.close());

  it('offers details, signals and the lab', async () => {
    const reply = await dispatch('getInfo', {}, recordingConnection());
    const info = (reply as { value: ServerInfo }).value;
    expect(info.sampler).toBe('linux-proc');
    expect(info.capabilities).toEqual({ details: true, signals: true, lab: true });
  });
});
