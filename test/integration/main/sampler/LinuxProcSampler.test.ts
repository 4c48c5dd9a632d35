// The /proc sampler against real processes started by the test.
import { closeSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessRecord } from '../../../../src/shared/model/ProcessRecord';
import { LinuxProcSampler } from '../../../../src/main/sampler/LinuxProcSampler';
import { LockedPages } from '../../../../src/main/sampler/LockedPages';
import { parseStat } from '../../../../src/main/sampler/parseStat';
import { SchedstatGate } from '../../../../src/main/sampler/SchedstatGate';
import { ChildProcesses, procState } from '../../../support/ChildProcesses';
import { startMemoryLocker } from '../../../support/memoryLocker';
import { waitFor } from '../../../support/waitFor';

describe('LinuxProcSampler with real processes', () => {
  const children = new ChildProcesses();
  let sampler: LinuxProcSampler;
  beforeAll(() => {
    sampler = new LinuxProcSampler();
  });
  afterAll(() => sampler.close());
  afterEach(() => children.killAll());

  const rowOf = (pid: number) => sampler.sample().rows.get(pid);

  it('sees a child with its parent, command line, state and user', async () => {
    const child = children.spawn('sleep', ['30']);
    // Fresh from exec it may still be running (R) on a loaded machine: sampled once it sleeps.
    await waitFor('the child asleep', () => procState(child.pid) === 'S');
    const row = await waitFor('the child in a sample', () => rowOf(child.pid));
    expect(row.ppid).toBe(process.pid);
    expect(row.cmdline).toEqual(['sleep', '30']);
    expect(row.comm).toBe('sleep');
    expect(row.uid).toBe(process.getuid!());
    expect(row.state).toBe('S');
    expect(row.kernelThread).toBe(false);
    expect(Math.abs(row.startTime - Date.now())).toBeLessThan(60_000);
    expect(row.rssBytes).toBeGreaterThan(0);
  });

  it('sees a new process in the first sample after it started, when it lists /proc only after a new pid', () => {
    // Samples back to back: most find no new pid on a quiet machine and list nothing.
    for (let i = 0; i < 5; i++) sampler.sample();
    const child = children.spawn('sleep', ['30']);
    expect(sampler.sample().rows.get(child.pid)?.pid).toBe(child.pid);
  });

  it('reuses the record object of a process that did not change', async () => {
    const child = children.spawn('sleep', ['30']);
    // Until it sleeps, a starting program changes from sample to sample (under load, for long).
    let last: ProcessRecord | undefined;
    await waitFor('the same record object in two samples in a row', () => {
      const row = rowOf(child.pid);
      const same = row !== undefined && row === last;
      last = row;
      return same;
    });
    expect(last).toMatchObject({ comm: 'sleep', cpuPercent: 0 });
  });

  it('drops a process that is gone from every later sample, full or focused, and keeps the others', async () => {
    const staying = children.spawn('sleep', ['30']);
    const leaving = children.spawn('sleep', ['30']);
    await waitFor('both in a sample', () => rowOf(staying.pid) && rowOf(leaving.pid));
    // Several samples with both: each of the sampler's row maps (it keeps two, in turn) holds them.
    for (let i = 0; i < 3; i++) expect(sampler.sample().rows.has(leaving.pid)).toBe(true);
    const reaped = new Promise((resolve) => leaving.once('exit', resolve));
    process.kill(leaving.pid, 'SIGKILL');
    await reaped;
    for (let i = 0; i < 4; i++) {
      // Focused first: a focused sample does not read the leaving process, yet must drop it.
      const { rows } = i % 2 ? sampler.sample() : sampler.sample(new Set([staying.pid]));
      expect(rows.has(leaving.pid)).toBe(false);
      expect(rows.get(staying.pid)?.pid).toBe(staying.pid);
    }
  });

  it('shows a stopped child as T and a continued one as S', async () => {
    const child = children.spawn('sleep', ['30']);
    await waitFor('the child', () => rowOf(child.pid));
    process.kill(child.pid, 'SIGSTOP');
    await waitFor('state T', () => rowOf(child.pid)?.state === 'T');
    process.kill(child.pid, 'SIGCONT');
    await waitFor('state S', () => rowOf(child.pid)?.state === 'S');
  });

  it('shows a zombie as Z under its parent, with no command line', async () => {
    // sh forks `sleep 0.1`, then becomes `sleep 30`, which never waits for it.
    const parent = children.spawn('sh', ['-c', 'sleep 0.1 & exec sleep 30']);
    const zombie = await waitFor('a zombie child', () =>
      [...sampler.sample().rows.values()].find((row) => row.ppid === parent.pid && row.state === 'Z'),
    );
    expect(zombie.stat).toBe('Z');
    expect(zombie.comm).toBe('sleep');
    expect(rowOf(parent.pid)?.cmdline).toEqual(['sleep', '30']);
  });

  it('shows a sleeping child under its new parent in the first sample after its parent exited', async () => {
    const parent = children.spawn('sh', ['-c', 'sleep 30 & echo $!; read never'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const orphan = Number(await ChildProcesses.firstLine(parent));
    children.adopt(orphan);
    // Idle under sh: from now on the sampler skips it while it sleeps (it does not run when reparented).
    await waitFor(
      'the sleep idle under sh',
      () => rowOf(orphan)?.ppid === parent.pid && rowOf(orphan)?.cpuPercent === 0,
    );
    const reaped = new Promise((resolve) => parent.once('exit', resolve));
    parent.kill('SIGKILL');
    await reaped;
    expect(rowOf(orphan)?.ppid).not.toBe(parent.pid);
  });

  it('tells a process that ran from one that slept, from its schedstat', async (context) => {
    const gate = new SchedstatGate('/proc');
    if (!gate.enabled) return context.skip('this kernel keeps no schedstat');
    const child = children.spawn('sleep', ['30']);
    await waitFor('the sleep asleep', () => procState(child.pid) === 'S');
    const count = gate.open(child.pid)!;
    expect(gate.ran(count)).toBe(false);
    // A stopped process ran to stop itself, and then runs no more.
    process.kill(child.pid, 'SIGSTOP');
    await waitFor('state T', () => procState(child.pid) === 'T');
    expect(gate.ran(count)).toBe(true);
    expect(gate.ran(count)).toBe(false);
    closeSync(count.fd);
  });

  it('re-reads the command line after exec, when the name changes', async () => {
    const child = children.spawn('sh', ['-c', 'read line; exec sleep 30'], { stdio: ['pipe', 'ignore', 'ignore'] });
    await waitFor('sh', () => rowOf(child.pid)?.comm === 'sh');
    child.stdin!.write('go\n');
    // Within a tick or two of the exec, the new name and the new argv are both there.
    await waitFor('sleep after exec, with its argv', () => {
      const r = rowOf(child.pid);
      return r?.comm === 'sleep' && r.cmdline.join(' ') === 'sleep 30';
    });
  });

  it('re-reads the command line after exec to a program of the same name', async () => {
    // As a launcher does (python3 running python3 demo.py): the name stays, the argv changes.
    const second = "exec sh -c 'read line' proclab-second";
    const child = children.spawn('sh', ['-c', `read line; ${second}`, 'proclab-first'], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    await waitFor('the first argv', () => rowOf(child.pid)?.cmdline.includes('proclab-first'));
    child.stdin!.write('go\n');
    await waitFor('the argv after exec', () => {
      const r = rowOf(child.pid);
      return r?.comm === 'sh' && r.cmdline.join(' ') === 'sh -c read line proclab-second';
    });
  });

  it('measures CPU use over the interval (100 = one core)', async () => {
    // On a loaded machine a busy loop may get far less than a core, and a sample of thousands of
    // processes takes a while: the check is that the percentage is the CPU time the kernel counted
    // between two samples, over an interval that lies between the two samples' bounds.
    const busy = children.spawn(process.execPath, ['-e', 'for(;;){}']);
    await waitFor('the busy child in a sample', () => rowOf(busy.pid));
    const timedSample = () => {
      const before = performance.now();
      const row = rowOf(busy.pid)!;
      return { before, row, after: performance.now() };
    };
    const ticksOf = () => {
      const f = parseStat(readFileSync(`/proc/${busy.pid}/stat`, 'utf8'))!;
      return f.utimeTicks + f.stimeTicks;
    };
    const first = timedSample();
    const firstTicks = ticksOf();
    // Only the kernel's counter is read while waiting: the sampler's next sample closes the interval.
    await waitFor('half a second of CPU time counted', () => ticksOf() - firstTicks >= 50, { timeoutMs: 60_000 });
    const second = timedSample();
    const cpuMs = second.row.cpuTimeMs - first.row.cpuTimeMs;
    const lowest = (cpuMs / (second.after - first.before)) * 100;
    const highest = (cpuMs / (second.before - first.after)) * 100;
    expect(second.row.cpuPercent).toBeGreaterThan(0);
    expect(second.row.cpuPercent).toBeGreaterThanOrEqual(lowest - 0.5);
    expect(second.row.cpuPercent).toBeLessThanOrEqual(highest + 0.5);
  });

  it('marks kernel threads and a multithreaded process', () => {
    const rows = sampler.sample().rows;
    const kthreadd = rows.get(2);
    if (kthreadd) {
      expect(kthreadd.kernelThread).toBe(true);
      expect(kthreadd.cmdline).toEqual([]);
    }
    const self = rows.get(process.pid)!;
    expect(self.threads).toBeGreaterThan(1);
    expect(self.stat).toContain('l');
  });

  it('summarises the machine', () => {
    const { summary, rows } = sampler.sample();
    expect(summary.processCount).toBe(rows.size);
    expect(summary.cpuPerCore.length).toBeGreaterThan(0);
    expect(summary.memTotalBytes).toBeGreaterThan(summary.memUsedBytes);
    expect(summary.uptimeSeconds).toBeGreaterThan(0);
    expect(Object.values(summary.stateCounts).reduce((a, b) => a + (b ?? 0), 0)).toBe(rows.size);
  });

  it('keeps one /proc file open per process: the schedstat of one it may skip, the stat of the others', async (context) => {
    if (!new SchedstatGate('/proc').enabled) return context.skip('this kernel keeps no schedstat');
    const child = children.spawn('sleep', ['30']);
    await waitFor('the sleep asleep', () => procState(child.pid) === 'S');
    await waitFor('the child in a sample', () => rowOf(child.pid));
    // Each kept /proc file holds a page of kernel memory: a sleeping single-threaded process needs
    // only its schedstat, a multithreaded one (this test) only its stat.
    expect(openProcFiles(child.pid)).toEqual(['schedstat']);
    expect(openProcFiles(process.pid)).toEqual(['stat']);
  });

  it('keeps sampling correctly beyond its open-file cap', async () => {
    const capped = new LinuxProcSampler({ maxKeptOpen: 3 });
    try {
      const child = children.spawn('sleep', ['30']);
      const row = await waitFor('the child through open/read/close', () => capped.sample().rows.get(child.pid));
      expect(row.cmdline).toEqual(['sleep', '30']);
      process.kill(child.pid, 'SIGSTOP');
      await waitFor('state T', () => capped.sample().rows.get(child.pid)?.state === 'T');
    } finally {
      capped.close();
    }
  });
});

describe('LinuxProcSampler and locked memory (ps STAT L)', () => {
  const children = new ChildProcesses();
  afterEach(() => children.killAll());

  it('shows L while a process holds a page locked, read again on its rotation', async (context) => {
    // A short period, so the test sees the re-read that a running app does every few seconds.
    const sampler = new LinuxProcSampler({ lockedRecheckMs: 200 });
    try {
      const locker = await startMemoryLocker(children);
      const rowOf = () => sampler.sample().rows.get(locker.pid);
      expect((await waitFor('the locker', rowOf)).stat).not.toContain('L');
      const answer = await locker.request('lock');
      if (answer !== 'ok') return context.skip(`mlock is not allowed here (${answer})`);
      await waitFor('L after mlock', () => rowOf()?.stat.includes('L'));
      expect(await locker.request('unlock')).toBe('ok');
      await waitFor('no L after munlock', () => rowOf()?.stat.includes('L') === false);
    } finally {
      sampler.close();
    }
  });

  it('reads VmLck of an idle process again only after the longer idle period', async (context) => {
    const locker = await startMemoryLocker(children);
    const answer = await locker.request('lock');
    if (answer !== 'ok') return context.skip(`mlock is not allowed here (${answer})`);
    const locked = new LockedPages('/proc', 1000);
    const now = performance.now();
    // Due, but its stat has not changed since the last read (not locked then): not read again yet.
    const idle = { lockedPages: false, lockedCheckAt: now, lockedReadAt: now, ranSinceLockedRead: false };
    expect(locked.recheckIfDue(locker.pid, idle, now)).toBe(false);
    expect(idle).toMatchObject({ lockedPages: false, lockedCheckAt: now + 1000 });
    // Once the idle period (six periods) has passed, it is read again and the change is seen. Just
    // past it: (now + 6000) - now can round to 5999.99… in floating point.
    expect(locked.recheckIfDue(locker.pid, idle, now + 6001)).toBe(true);
    expect(idle.lockedPages).toBe(true);
    // A process that ran since its last read is read at the next period.
    const ran = { lockedPages: false, lockedCheckAt: now, lockedReadAt: now, ranSinceLockedRead: true };
    expect(locked.recheckIfDue(locker.pid, ran, now)).toBe(true);
    expect(ran).toMatchObject({ lockedPages: true, ranSinceLockedRead: false });
  });

  it('shows L on the first sample of a process that locked memory before', async (context) => {
    const locker = await startMemoryLocker(children);
    const answer = await locker.request('lock');
    if (answer !== 'ok') return context.skip(`mlock is not allowed here (${answer})`);
    const sampler = new LinuxProcSampler();
    try {
      expect(sampler.sample().rows.get(locker.pid)?.stat).toMatch(/^[RS]L$/);
    } finally {
      sampler.close();
    }
  });
});

/** The files of /proc/PID this process holds open (the sampler's kept files), by name. */
function openProcFiles(pid: number): string[] {
  const prefix = `/proc/${pid}/`;
  const names: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(prefix)) names.push(target.slice(prefix.length));
    } catch {
      // closed meanwhile (readdir's own fd)
    }
  }
  return names.sort();
}
