// What the run's terminal is sent: text as it came, and the lab's notes dimmed, a binary count
// rewritten in place while it grows.
import { describe, expect, it } from 'vitest';
import { TerminalPieceWriter } from '../../../src/renderer/src/views/TerminalPieceWriter';

const notes = {
  binary: (bytes: number) => `<${bytes} binary>`,
  cut: (kept: number) => `<cut at ${kept}>`,
  cutDone: (skipped: number) => `<${skipped} skipped>`,
  dropped: (chars: number) => `<${chars} dropped>`,
};
// eslint-disable-next-line no-control-regex -- the escape sequences the writer adds
const plain = (data: string) => data.replace(/\x1b\[[0-9;]*[mK]/g, '');

function writer() {
  const written: string[] = [];
  return {
    written,
    writer: new TerminalPieceWriter(
      (data) => written.push(data),
      () => notes,
    ),
  };
}

describe('TerminalPieceWriter', () => {
  it('writes text as it is and lab notes on lines of their own', () => {
    const { written, writer: w } = writer();
    w.pieces([
      { kind: 'text', text: 'prompt> ' },
      { kind: 'lab', text: 'run stopped' },
      { kind: 'text', text: 'next\r\n' },
    ]);
    expect(plain(written.join(''))).toBe('prompt> \r\nrun stopped\r\nnext\r\n');
  });

  it('rewrites a growing binary count in place, then ends its line', () => {
    const { written, writer: w } = writer();
    w.pieces([
      { kind: 'text', text: 'a\r\n' },
      { kind: 'binary', bytes: 10, done: false },
    ]);
    w.pieces([
      { kind: 'binary', bytes: 20, done: true },
      { kind: 'text', text: 'b' },
    ]);
    expect(written.join('')).toContain('\r\x1b[2K');
    expect(plain(written.join(''))).toBe('a\r\n<10 binary>\r<20 binary>\r\nb');
  });

  it('marks a cut line once, and how much was skipped when it ends', () => {
    const { written, writer: w } = writer();
    w.pieces([
      { kind: 'text', text: 'xxxx' },
      { kind: 'cut', keptBytes: 4, skippedBytes: 3, done: false },
    ]);
    w.pieces([
      { kind: 'cut', keptBytes: 4, skippedBytes: 9, done: true },
      { kind: 'text', text: '\r\n' },
    ]);
    expect(plain(written.join(''))).toBe('xxxx<cut at 4><9 skipped>\r\n');
  });

  it('says first how much earlier output is no longer kept', () => {
    const { written, writer: w } = writer();
    w.replay({ droppedChars: 5, pieces: [{ kind: 'text', text: 'tail' }] });
    expect(plain(written.join(''))).toBe('<5 dropped>\r\ntail');
  });
});
