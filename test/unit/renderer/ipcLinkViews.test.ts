// How the IPC links read from one process, which processes the PCB asks about, and the run
// view's diagram layout.
import { describe, expect, it } from 'vitest';
import type { IpcEnd, IpcLink, IpcRole } from '../../../src/shared/model/IpcLinks';
import { layoutArcs } from '../../../src/renderer/src/views/ipcArcLayout';
import { carriesData, linkViewsByPid, neighbourhoodOf, viewFrom } from '../../../src/renderer/src/views/ipcLinkViews';
import { makeRecord } from '../../support/makeRecord';

const end = (pid: number, fd: number, role: IpcRole, inode = 500): IpcEnd => ({
  pid,
  fd,
  role,
  inode,
  startTime: pid * 10,
  comm: `p${pid}`,
});
const link = (kind: IpcLink['kind'], ends: IpcEnd[], inode = 500): IpcLink => ({ kind, inode, name: null, ends });

/** `sleep | sleep`: 10 writes, 11 reads. */
const PIPELINE = link('pipe', [end(10, 1, 'writer'), end(11, 0, 'reader')]);
/** Two processes that inherited the same write end; its reader is elsewhere. */
const INHERITED = link('pipe', [end(10, 2, 'writer', 600), end(11, 2, 'writer', 600)], 600);
/** A multiprocessing Pipe after fork: both hold both ends. */
const FORKED = link('pipe', [end(20, 3, 'reader'), end(20, 4, 'writer'), end(21, 3, 'reader'), end(21, 4, 'writer')]);
const SOCKET = link('unix', [end(30, 4, 'server', 700), end(31, 3, 'client', 701)], 700);
const SHARED_SOCKET = link('tcp', [end(40, 5, 'server', 800), end(41, 5, 'server', 800)], 800);

describe('a link seen from one process', () => {
  it('says which way data flows through a pipe', () => {
    expect(viewFrom(PIPELINE, 10)).toMatchObject({
      direction: 'to',
      myRoles: ['writer'],
      peers: [{ pid: 11, comm: 'p11', startTime: 110, roles: ['reader'] }],
    });
    expect(viewFrom(PIPELINE, 11).direction).toBe('from');
    expect(viewFrom(FORKED, 20).direction).toBe('both');
    expect(viewFrom(INHERITED, 10).direction).toBe('shared');
  });

  it('calls two ends of a socket both ways, and one end held by two processes shared', () => {
    expect(viewFrom(SOCKET, 30)).toMatchObject({ direction: 'both', myRoles: ['server'] });
    expect(viewFrom(SHARED_SOCKET, 40).direction).toBe('shared');
    expect([PIPELINE, FORKED, SOCKET].every(carriesData)).toBe(true);
    expect([INHERITED, SHARED_SOCKET].some(carriesData)).toBe(false);
  });

  it('groups the links by process', () => {
    const byPid = linkViewsByPid([PIPELINE, INHERITED]);
    expect([...byPid.keys()]).toEqual([10, 11]);
    expect(byPid.get(10)!.map((v) => v.direction)).toEqual(['to', 'shared']);
  });
});

describe('where the PCB looks for the other ends', () => {
  const table = new Map(
    [
      makeRecord({ pid: 1, ppid: 0, sid: 1, pgid: 1 }),
      makeRecord({ pid: 2, ppid: 0, kernelThread: true }),
      makeRecord({ pid: 100, ppid: 1, sid: 100, pgid: 100, comm: 'bash' }),
      makeRecord({ pid: 200, ppid: 100, sid: 100, pgid: 200, comm: 'sleep' }),
      makeRecord({ pid: 201, ppid: 100, sid: 100, pgid: 200, comm: 'sleep' }),
      makeRecord({ pid: 300, ppid: 100, sid: 100, pgid: 300, comm: 'vim' }),
      makeRecord({ pid: 400, ppid: 200, sid: 100, pgid: 200 }),
      makeRecord({ pid: 500, ppid: 1, sid: 500, pgid: 500, comm: 'cron' }),
      makeRecord({ pid: 600, ppid: 1, sid: 600, pgid: 600, comm: 'sshd' }),
    ].map((r) => [r.pid, r]),
  );

  it('asks about itself, its parent, children, group, siblings and session, nearest first', () => {
    expect(neighbourhoodOf(200, table, 100)).toEqual([200, 100, 400, 201, 300]);
    expect(neighbourhoodOf(200, table, 3)).toEqual([200, 100, 400]);
  });

  it('leaves out the unrelated children of init and kernel threads', () => {
    expect(neighbourhoodOf(500, table, 100)).toEqual([500, 1]);
    expect(neighbourhoodOf(999, table, 100)).toEqual([999]);
  });
});

describe('the run view diagram', () => {
  it('gives each process a row, oldest first, and each link a lane and its spokes', () => {
    const layout = layoutArcs([PIPELINE, FORKED]);
    expect(layout.nodes.map((n) => n.pid)).toEqual([10, 11, 20, 21]);
    const [pipeline, forked] = layout.buses;
    expect(pipeline!.spokes.map((s) => s.toward)).toEqual(['bus', 'node']);
    expect(forked!.spokes.map((s) => s.toward)).toEqual(['none', 'none']);
    // The two links do not overlap: they share the lane next to the processes.
    expect(pipeline!.x).toBe(forked!.x);
    expect(pipeline!.x).toBeLessThan(layout.nodeX);
  });

  it('puts overlapping links in different lanes', () => {
    const outer = link('pipe', [end(10, 5, 'writer', 900), end(12, 0, 'reader', 900)], 900);
    const inner = link('unix', [end(11, 4, 'peer', 901), end(12, 4, 'peer', 902)], 901);
    const { buses, nodes } = layoutArcs([outer, inner]);
    expect(nodes).toHaveLength(3);
    expect(new Set(buses.map((b) => b.x)).size).toBe(2);
  });
});
