// The leftovers of a ProcLab that was SIGKILLed: found by their tag (whose owner is pinned by its
// start, so a reused pid does not hide them) or by the run record (so removing the tag does not
// either), and ended until none is left, even what they fork while they are ended.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import { readRunTag } from '../../../../src/main/lab/runTag';
import { ProcIdentityReader } from '../../../../src/main/sampler/ProcIdentityReader';
import type { ServerRecord } from '../../../../src/main/lab/RunRecords';
import { BUILT_CLI, startBrowserModeServer, type BrowserModeServer } from '../../../support/browserMode';
import { ChildProcesses, procState } from '../../../support/ChildProcesses';
import { taggedProcesses } from '../../../support/labProcesses';
import { canChoosePids, spawnWithPid } from '../../../support/reusePid';
import { startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

/** A `proclab serve` to kill, with a WebSocket to start runs and hear of them. */
async function killableServer(runtimeDir: string) {
  const server = await startBrowserModeServer(['--port', '0'], { ...process.env, XDG_RUNTIME_DIR: runtimeDir });
  const url = new URL(server.pageUrl);
  const ws = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const runs = new Map<string, RunInfo>();
  const replies = new Map<number, unknown>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; event?: string; payload?: RunInfo; value?: unknown };
    if (message.event === 'runChanged') runs.set(message.payload!.runId, message.payload!);
    if (message.id !== undefined) replies.set(message.id, message.value);
  });
  let nextId = 1;
  const call = async <T>(method: string, params: unknown): Promise<T> => {
    const id = nextId++;
    ws.send(JSON.stringify({ id, method, params }));
    return (await waitFor(`the reply to ${method}`, () => replies.get(id))) as T;
  };
  return { server, pid: server.process.pid!, runs, call, ws };
}

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

  async function serverWithRun(method: 'startDemo' | 'runCommand', params: unknown) {
    const server = await killableServer(runtimeDir);
    servers.push(server.server);
    owners.add(server.pid);
    const run = await server.call<RunInfo>(method, params);
    return { ...server, run };
  }

  async function sigkill(server: BrowserModeServer): Promise<void> {
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGKILL');
    await exited;
  }

  it.skipIf(!existsSync(BUILT_CLI) || !canChoosePids())(
    'finds and ends them, even once the dead server’s pid names another process',
    async () => {
      const { server, pid, runs, run, ws } = await serverWithRun('startDemo', { demoId: 'daemon' });
      // The launcher exits at once and its daemon stays: wait for exactly that.
      const daemon = await waitFor('the daemon alone', () => {
        const info = runs.get(run.runId);
        return info?.status === 'exited' && info.livePids.length === 1 ? info.livePids[0] : undefined;
      });
      ws.terminate();
      await sigkill(server);
      spawnWithPid(children, pid, 'sleep', ['30']);

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
    const commandLine = `sh -c 'env -u PROCLAB_RUN sleep 60 & wait'`;
    const { server, pid, run, ws } = await serverWithRun('runCommand', { commandLine, cwd: '/tmp' });
    const child = await waitFor('the untagged child in the record', () =>
      recordedProcesses(pid).find((p) => p !== run.rootPid && procState(p) === 'S' && readRunTag(p) === null),
    );
    untagged.add(child);
    ws.terminate();
    await sigkill(server);

    const { service } = startService({ labRecordsDir: recordsDir, labLimits: { stopGraceMs: 1000 } });
    try {
      const found = service.supervisor!.findLeftovers().filter((l) => l.ownerPid === pid);
      expect(found.map((l) => l.pid).sort()).toEqual([run.rootPid, child].sort());
      await service.supervisor!.cleanLeftovers();
      expect([run.rootPid, child].map(procState).filter((state) => state !== null && state !== 'Z')).toEqual([]);
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
