// The leftovers of a ProcLab that was SIGKILLed: found by their tag (whose owner is pinned by its
// start, so a reused pid does not hide them) or by the run record (so removing the tag does not
// either), and ended until none is left, even what they fork while they are ended.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import { readRunTag } from '../../../../src/main/lab/runTag';
import { ProcIdentityReader } from '../../../../src/main/sampler/ProcIdentityReader';
import type { ServerRecord } from '../../../../src/main/lab/RunRecords';
import { BUILT_CLI, startBrowserModeServer, type BrowserModeServer } from '../../../support/browserMode';
import { ChildProcesses, procState } from '../../../support/ChildProcesses';
import { taggedProcesses } from '../../../support/labProcesses';
import { canChoosePids, spawnWithPid } from '../../../support/reusePid';
import { connectWs } from '../../../support/wsClient';
import { startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

describe('leftovers of a ProcLab that was SIGKILLed', () => {
  const children = new ChildProcesses();
  const runtimeDir = mkdtempSync(path.join(os.tmpdir(), 'proclab-leftovers-'));
  const recordsDir = path.join(runtimeDir, 'proclab');
  const servers: BrowserModeServer[] = [];
  /** Owner pids whose tagged processes this file must not leave behind. */
  const owners = new Set<number>();
  /** Processes without a tag that a test learnt of. */
  const untagged = new Set<number>();

  afterEach(async () => {
    try {
      for (const server of servers.splice(0)) server.process.kill('SIGKILL');
      const left = [...owners].flatMap((owner) => taggedProcesses(owner));
      for (const pid of [...left, ...untagged, ...recordedProcesses()]) children.adopt(pid);
    } finally {
      untagged.clear();
      await children.killAll();
    }
  });
  afterAll(() => rmSync(runtimeDir, { recursive: true, force: true }));

  /** Every process the records of this file's servers list that still runs (pinned by start). */
  function recordedProcesses(owner?: number): number[] {
    const reader = new ProcIdentityReader();
    return readdirSync(recordsDir)
      .filter((name) => name.endsWith('.json') && (owner === undefined || name.startsWith(`${owner}-`)))
      .flatMap((name) => (JSON.parse(readFileSync(path.join(recordsDir, name), 'utf8')) as ServerRecord).processes)
      .filter((p) => reader.read(p.pid)?.startTime === p.startTime)
      .map((p) => p.pid);
  }

  /** A `proclab serve` to kill, with its records in this file's directory, and a run in it. */
  async function serverWithRun(method: 'startDemo' | 'runCommand', params: object) {
    // TMPDIR too: what the runs write there (the daemon demo's log) goes when this file's directory does.
    const env = { ...process.env, XDG_RUNTIME_DIR: runtimeDir, TMPDIR: runtimeDir };
    const server = await startBrowserModeServer(['--port', '0'], env);
    servers.push(server);
    owners.add(server.process.pid!);
    const client = await connectWs(server.pageUrl);
    const reply = await client.call(method, params);
    if (!reply.ok) throw new Error(reply.error.message);
    return { server, pid: server.process.pid!, run: reply.value as RunInfo, client };
  }

  async function sigkill(server: BrowserModeServer): Promise<void> {
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGKILL');
    await exited;
  }

  it.skipIf(!existsSync(BUILT_CLI) || !canChoosePids())(
    'finds and ends them, even once the dead server’s pid names another process',
    async () => {
      const { server, pid, client } = await serverWithRun('startDemo', { demoId: 'daemon' });
      // Settled: the launcher and its short-lived child gone, only the daemon left, adopted and
      // leading its own session.
      const daemon = await waitFor('the daemon running alone', () => {
        const tagged = taggedProcesses(pid);
        const fields = tagged.length === 1 ? statFields(tagged[0]!) : null;
        return fields && fields.ppid !== pid && fields.sid === tagged[0] ? tagged[0] : undefined;
      });
      client.close();
      await sigkill(server);
      await spawnWithPid(children, pid, 'sleep', ['30']);

      const { service } = startService({ labRecordsDir: recordsDir, labLimits: { stopGraceMs: 1000 } });
      try {
        const found = service.supervisor!.findLeftovers().filter((l) => l.ownerPid === pid);
        expect(found.map((l) => l.pid)).toEqual([daemon]);
        await service.supervisor!.cleanLeftovers();
        expect(taggedProcesses(pid)).toEqual([]);
      } finally {
        await service.close();
      }
    },
  );

  it.skipIf(!existsSync(BUILT_CLI))('finds, through the run record, a process that removed its tag', async () => {
    // setsid: the shell leaves the lab's terminal, which hangs up when its server dies.
    const commandLine = `setsid sh -c 'env -u PROCLAB_RUN sleep 60 & wait'`;
    const { server, pid, client } = await serverWithRun('runCommand', { commandLine, cwd: '/tmp' });
    const recorded = (tagged: boolean) =>
      recordedProcesses(pid).find((p) => procState(p) === 'S' && (readRunTag(p) !== null) === tagged);
    const child = await waitFor('the untagged child in the record', () => recorded(false));
    untagged.add(child);
    const shell = await waitFor('the shell in the record', () => recorded(true));
    client.close();
    await sigkill(server);

    const { service } = startService({ labRecordsDir: recordsDir, labLimits: { stopGraceMs: 1000 } });
    try {
      const found = service.supervisor!.findLeftovers().filter((l) => l.ownerPid === pid);
      expect(found.map((l) => l.pid).sort()).toEqual([shell, child].sort());
      await service.supervisor!.cleanLeftovers();
      expect([shell, child].map(procState).filter((state) => state !== null && state !== 'Z')).toEqual([]);
    } finally {
      await service.close();
    }
  });

  it('keeps ending them until none is left, what they fork while being ended included', async () => {
    // A gone owner: a pid whose process never had this start.
    const owner = children.spawn('true', []);
    await new Promise((resolve) => owner.once('exit', resolve));
    owners.add(owner.pid);
    // TERM makes it fork a new tagged child instead of exiting: a first scan cannot know that child.
    const script = `trap 'sleep 60 &' TERM; echo ready; while :; do sleep 0.1; done`;
    const leftover = children.spawn('sh', ['-c', script], {
      env: { ...process.env, PROCLAB_RUN: `${owner.pid}:1/deadbeef` },
      detached: true,
    });
    await ChildProcesses.firstLine(leftover);

    const { service } = startService({ labRecordsDir: recordsDir, labLimits: { stopGraceMs: 1000 } });
    try {
      expect(service.supervisor!.findLeftovers().filter((l) => l.ownerPid === owner.pid).length).toBeGreaterThan(0);
      await service.supervisor!.cleanLeftovers();
      expect(taggedProcesses(owner.pid)).toEqual([]);
    } finally {
      await service.close();
    }
  });
});

/** The parent and session of a process (/proc/PID/stat fields 4 and 6), or null once it is gone. */
function statFields(pid: number): { ppid: number; sid: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), sid: Number(fields[3]) };
  } catch {
    return null;
  }
}
