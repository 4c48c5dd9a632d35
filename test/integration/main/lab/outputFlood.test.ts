// Programs that flood their output, run by the built `proclab serve` and watched over its
// WebSocket: the server lives, answers calls and sends updates meanwhile, stays small, and says
// what it did not show (binary, dropped). Speeds are measured in `npm run bench`, not asserted.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_CHARS } from '../../../../src/main/lab/RunOutput';
import type { OutputBatch, RunInfo, RunOutputSnapshot } from '../../../../src/shared/model/Lab';
import { KEPT_OUTPUT_CHARS } from '../../../../src/shared/model/outputPieces';
import { startBrowserModeServer, type BrowserModeServer } from '../../../support/browserMode';
import { taggedProcesses } from '../../../support/labProcesses';
import { waitFor } from '../../../support/waitFor';
import { connectWs, residentMiB, type WsClient } from '../../../support/wsClient';

const built = existsSync(path.resolve(__dirname, '../../../../out/main/cli.js'));
/** Far above what the server needs (about 120 MiB here), far below what it reached before (870 MiB). */
const GENEROUS_PEAK_MIB = 400;
const LONG = { timeoutMs: 120_000 };

describe.skipIf(!built)('a program that floods its output, through the served app', () => {
  let server: BrowserModeServer;
  let client: WsClient;
  const batches: OutputBatch[] = [];
  const runs = new Map<string, RunInfo>();

  beforeAll(async () => {
    server = await startBrowserModeServer();
    client = await connectWs(server.pageUrl);
    client.on('labOutput', (batch) => batches.push(batch as unknown as OutputBatch));
    client.on('runChanged', (run) => runs.set(run.runId as string, run as unknown as RunInfo));
  });

  afterAll(async () => {
    client?.close();
    await server?.stop();
    await waitFor('no lab process left', () => taggedProcesses(server.process.pid!).length === 0);
  });

  async function run(commandLine: string): Promise<RunInfo> {
    const reply = await client.call('runCommand', { commandLine, cwd: '/tmp' });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as RunInfo;
  }

  /**
   * Calls getInfo until the run has ended; every call must be answered. A generous deadline, not a
   * count of calls: a quiet machine answers well over 10,000 in the 5 s of `timeout 5 yes`.
   */
  async function callWhileRunning(runId: string): Promise<number> {
    let answered = 0;
    const deadline = Date.now() + LONG.timeoutMs;
    while (runs.get(runId)?.status !== 'exited') {
      expect(await client.call('getInfo')).toMatchObject({ ok: true });
      answered++;
      if (Date.now() > deadline) throw new Error('the run never ended');
    }
    return answered;
  }

  const piecesOf = (runId: string) => batches.filter((b) => b.runId === runId).flatMap((b) => b.pieces);

  it('head -c 100000000 /dev/zero: counted as binary, the server answering and small', async () => {
    const info = await run('head -c 100000000 /dev/zero');
    expect(await callWhileRunning(info.runId)).toBeGreaterThan(0);
    expect(runs.get(info.runId)).toMatchObject({ exitCode: 0 });
    await waitFor(
      'the whole stretch counted',
      () => piecesOf(info.runId).find((p) => p.kind === 'binary' && p.done),
      LONG,
    );
    expect(piecesOf(info.runId).filter((p) => p.kind === 'binary' && p.done)).toEqual([
      { kind: 'binary', bytes: 100_000_000, done: true },
    ]);
    expect(piecesOf(info.runId).filter((p) => p.kind === 'text')).toEqual([]);
    expect(residentMiB(server.process.pid!)!.peak).toBeLessThan(GENEROUS_PEAK_MIB);
  });

  it('timeout 5 yes: calls answered and updates sent meanwhile, in batches of bounded size', async () => {
    let updates = 0;
    client.on('update', () => updates++);
    const subscribed = await client.call('subscribe', { intervalMs: 250 });
    expect(subscribed).toMatchObject({ ok: true });
    const info = await run('timeout 5 yes');
    const before = updates;
    expect(await callWhileRunning(info.runId)).toBeGreaterThan(0);
    expect(updates).toBeGreaterThan(before);
    // timeout(1) ends yes with SIGTERM and says so with status 124.
    expect(runs.get(info.runId)).toMatchObject({ exitCode: 124 });
    const sizes = batches
      .filter((b) => b.runId === info.runId)
      .map((b) => b.pieces.reduce((sum, p) => sum + (p.kind === 'text' ? p.text.length : 0), 0));
    expect(sizes.length).toBeGreaterThan(1);
    // A batch closes once it holds MAX_BATCH_CHARS; the chunk that filled it may pass it a little.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_BATCH_CHARS + 65_536 * 2);
    expect(residentMiB(server.process.pid!)!.peak).toBeLessThan(GENEROUS_PEAK_MIB);
  });

  it('keeps the latest output of a run within bounds, and says how much it dropped', async () => {
    const info = await run(`sh -c 'yes | head -c 3000000'`);
    await waitFor('the run ended', () => runs.get(info.runId)?.status === 'exited', LONG);
    const textIn = (snapshot: RunOutputSnapshot) =>
      snapshot.pieces.reduce((sum, p) => sum + (p.kind === 'text' ? p.text.length : 0), 0);
    // 1,500,000 lines "y" written as "y\r\n" (ONLCR): 4.5 million characters in all, none lost.
    const kept = await waitFor(
      'all of it kept or counted',
      async () => {
        const reply = await client.call('getRunOutput', { runId: info.runId });
        const snapshot = reply.ok ? (reply.value as RunOutputSnapshot) : undefined;
        return snapshot && textIn(snapshot) + snapshot.droppedChars === 4_500_000 ? snapshot : undefined;
      },
      LONG,
    );
    const keptChars = textIn(kept);
    expect(kept.droppedChars).toBeGreaterThan(0);
    expect(keptChars).toBeLessThanOrEqual(KEPT_OUTPUT_CHARS);
  });
});
