// The terminal filter: text passes with its escapes, long lines are cut, binary becomes a count,
// and lines that name their process are found, whatever the chunk boundaries.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_LINE_BYTES,
  MAX_PROCESS_LINE_CHARS,
  TerminalTextFilter,
  type FilteredOutput,
} from '../../../../src/main/lab/TerminalTextFilter';
import type { OutputPiece } from '../../../../src/shared/model/Lab';

/** Feeds the bytes in chunks of `size`, then ends; returns every piece and line. */
function filter(bytes: Buffer, size = bytes.length): FilteredOutput {
  const f = new TerminalTextFilter();
  const all: FilteredOutput = { pieces: [], lines: [] };
  const add = (out: FilteredOutput) => {
    all.pieces.push(...out.pieces);
    all.lines.push(...out.lines);
  };
  for (let i = 0; i < bytes.length; i += size) add(f.push(bytes.subarray(i, i + size)));
  add(f.end());
  return all;
}

const text = (pieces: OutputPiece[]) =>
  pieces
    .map((p) => (p.kind === 'text' ? p.text : `<${p.kind}${p.kind === 'lab' ? '' : ':' + JSON.stringify(p)}>`))
    .join('');
const final = (pieces: OutputPiece[], kind: 'binary' | 'cut') =>
  pieces.filter((p) => p.kind === kind && p.done) as Extract<OutputPiece, { kind: typeof kind }>[];

describe('TerminalTextFilter', () => {
  it('passes UTF-8 text and escape sequences through, split anywhere', () => {
    const bytes = Buffer.from('\x1b[31m[12] 老司机开车了\x1b[0m\r\nplain line\r\n[13] second\n');
    for (const size of [1, 2, 3, 5, bytes.length]) {
      const out = filter(bytes, size);
      expect(text(out.pieces)).toBe(bytes.toString());
      expect(out.lines).toEqual([
        { pid: 12, text: '[12] 老司机开车了', cut: false },
        { pid: 13, text: '[13] second', cut: false },
      ]);
    }
  });

  it('does not invent a process for lines that do not name one', () => {
    expect(filter(Buffer.from('y\ny\n  [12] not at the start\n')).lines).toEqual([]);
  });

  it('keeps what a progress line shows last after carriage returns', () => {
    const out = filter(Buffer.from('[7] 10%\r[7] 20%\r[7] done\r\n'), 4);
    expect(out.lines).toEqual([{ pid: 7, text: '[7] done', cut: false }]);
  });

  it('cuts a line at the limit, says how much was skipped, and goes on at the next line', () => {
    const long = Buffer.concat([Buffer.from('[5] '), Buffer.alloc(MAX_LINE_BYTES * 3, 'a'), Buffer.from('\nnext\n')]);
    const out = filter(long, 4096);
    const shown = text(out.pieces.filter((p) => p.kind === 'text'));
    expect(shown).toBe(`[5] ${'a'.repeat(MAX_LINE_BYTES - 4)}\nnext\n`);
    expect(final(out.pieces, 'cut')).toEqual([
      { kind: 'cut', keptBytes: MAX_LINE_BYTES, skippedBytes: MAX_LINE_BYTES * 2 + 4, done: true },
    ]);
    expect(out.lines).toEqual([{ pid: 5, text: `[5] ${'a'.repeat(MAX_PROCESS_LINE_CHARS - 4)}`, cut: true }]);
  });

  it('never cuts inside a character', () => {
    const out = filter(Buffer.from('好'.repeat(MAX_LINE_BYTES)), 1000);
    const shown = text(out.pieces.filter((p) => p.kind === 'text'));
    expect(shown).not.toContain('\ufffd');
    expect(Buffer.byteLength(shown)).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(Buffer.byteLength(shown)).toBeGreaterThan(MAX_LINE_BYTES - 3);
  });

  it('turns NUL bytes into a count without sending them, however long the stretch', () => {
    const zeros = Buffer.alloc(1_000_000);
    const out = filter(Buffer.concat([Buffer.from('before\n'), zeros, Buffer.from('\nafter\n')]), 65536);
    expect(text(out.pieces.filter((p) => p.kind === 'text'))).toBe('before\nafter\n');
    expect(final(out.pieces, 'binary')).toEqual([{ kind: 'binary', bytes: 1_000_001, done: true }]);
  });

  it('reports the count so far while binary goes on, once per chunk', () => {
    const f = new TerminalTextFilter();
    expect(f.push(Buffer.alloc(100)).pieces).toEqual([{ kind: 'binary', bytes: 100, done: false }]);
    expect(f.push(Buffer.alloc(50)).pieces).toEqual([{ kind: 'binary', bytes: 150, done: false }]);
    expect(f.end().pieces).toEqual([{ kind: 'binary', bytes: 150, done: true }]);
  });

  it('treats bytes that are not UTF-8 and stray control bytes as binary', () => {
    for (const bad of [Buffer.from([0x66, 0xff, 0x66]), Buffer.from([0x41, 0x02, 0x41]), Buffer.from([0xe4, 0x41])]) {
      const out = filter(Buffer.concat([Buffer.from('ok\n'), bad, Buffer.from('\nfine\n')]));
      expect(text(out.pieces.filter((p) => p.kind === 'text'))).toBe('ok\nfine\n');
      expect(final(out.pieces, 'binary')).toEqual([{ kind: 'binary', bytes: bad.length + 1, done: true }]);
    }
  });

  it('takes text back after binary only once whole lines of text follow', () => {
    const zeros = Buffer.alloc(100);
    const long = 'a line of text that is long enough\n';
    const out = filter(Buffer.concat([zeros, Buffer.from('\nok\n'), zeros, Buffer.from(`\n${long}[3] tail\n`)]), 7);
    expect(text(out.pieces.filter((p) => p.kind === 'text'))).toBe(`${long}[3] tail\n`);
    expect(final(out.pieces, 'binary')).toEqual([{ kind: 'binary', bytes: 205, done: true }]);
    expect(out.lines).toEqual([{ pid: 3, text: '[3] tail', cut: false }]);
  });

  it('shows a real binary file as binary', () => {
    const program = readFileSync(process.execPath).subarray(0, 200_000);
    const out = filter(program, 65536);
    const shown = text(out.pieces.filter((p) => p.kind === 'text'));
    expect(shown.length).toBeLessThan(program.length / 10);
    expect(out.pieces.some((p) => p.kind === 'binary')).toBe(true);
  });
});
