// A run's output on its way to clients: one batch per BATCH_MS, the producer paused while a batch
// is full, and the kept output bounded with what was dropped counted.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_MS, MAX_BATCH_CHARS, RunOutput } from '../../../../src/main/lab/RunOutput';
import { KEPT_OUTPUT_CHARS } from '../../../../src/shared/model/outputPieces';
import type { OutputBatch } from '../../../../src/shared/model/Lab';

describe('RunOutput', () => {
  let batches: OutputBatch[];
  let drained: number;
  let output: RunOutput;

  beforeEach(() => {
    vi.useFakeTimers();
    batches = [];
    drained = 0;
    output = new RunOutput({ runId: 'r', emit: (b) => batches.push(b), onDrain: () => drained++ });
  });
  afterEach(() => vi.useRealTimers());

  it('sends what came within BATCH_MS as one batch, with the lines that name their process', () => {
    output.write(Buffer.from('[7] one\r\n'));
    output.write(Buffer.from('two\r\n'));
    output.note('run stopped');
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(BATCH_MS);
    expect(batches).toEqual([
      {
        runId: 'r',
        seq: 1,
        pieces: [
          { kind: 'text', text: '[7] one\r\ntwo\r\n' },
          { kind: 'lab', text: 'run stopped' },
        ],
        lines: [{ seq: 1, at: expect.any(Number), pid: 7, text: '[7] one', cut: false }],
      },
    ]);
  });

  it('asks the producer to wait while a batch is full, and says when to go on', () => {
    expect(output.write(Buffer.from('y\n'.repeat(MAX_BATCH_CHARS / 2 - 1)))).toBe(true);
    expect(output.write(Buffer.from('y\n'))).toBe(false);
    expect(drained).toBe(0);
    vi.advanceTimersByTime(BATCH_MS);
    expect(drained).toBe(1);
    expect(batches).toHaveLength(1);
  });

  it('keeps the latest output within KEPT_OUTPUT_CHARS and counts what it dropped', () => {
    const chunk = Buffer.from('y\n'.repeat(MAX_BATCH_CHARS / 2));
    const total = KEPT_OUTPUT_CHARS * 3;
    for (let sent = 0; sent < total; sent += chunk.length) {
      output.write(chunk);
      vi.advanceTimersByTime(BATCH_MS);
    }
    output.end();
    const kept = output.snapshot();
    const keptChars = kept.pieces.reduce((sum, p) => sum + (p.kind === 'text' ? p.text.length : 0), 0);
    expect(keptChars).toBeLessThanOrEqual(KEPT_OUTPUT_CHARS);
    expect(keptChars + kept.droppedChars).toBe(total);
    expect(kept.seq).toBe(batches.length);
  });
});
