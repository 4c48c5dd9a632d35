// Turns the bytes a program writes into what a terminal may be sent: UTF-8 text with its escape
// sequences, lines cut at a maximum length, binary output replaced by a count; and the lines
// that name their process ("[pid] ..."), for the lab's view by process.
import type { OutputPiece } from '../../shared/model/Lab';
import { mergePieces } from '../../shared/model/outputPieces';

export const MAX_LINE_BYTES = 16 * 1024;
/** Characters kept of a line by process: enough to read, and 2,000 of them stay small. */
export const MAX_PROCESS_LINE_CHARS = 1024;
/** After binary output, this many bytes of whole text lines in a row make it text again. */
export const RESUME_TEXT_BYTES = 32;

export interface FilteredOutput {
  pieces: OutputPiece[];
  /** Complete lines that start with "[pid]", escape sequences removed. */
  lines: { pid: number; text: string; cut: boolean }[];
}

const LF = 0x0a;
const CR = 0x0d;
const PID_PREFIX = /^\[(\d+)\]/;
// CSI, OSC and two-byte escape sequences (ECMA-48), removed from the text of a line by process.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

/**
 * Control bytes a terminal has no use for; NUL among them. BEL, BS, TAB, LF, VT, FF, CR and ESC
 * are terminal controls, and pass as text.
 */
function isBinaryControl(byte: number): boolean {
  return byte < 0x07 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b);
}

/** Bytes a UTF-8 sequence needs after this lead byte, or -1 if it cannot lead one. */
function continuationBytes(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return -1;
}

/** A whole line (no LF inside, or one at the end) that is text and not too long. */
function isTextLine(bytes: Buffer): boolean {
  if (bytes.length > MAX_LINE_BYTES + 1) return false;
  let need = 0;
  for (const byte of bytes) {
    if (need > 0) {
      if ((byte & 0xc0) !== 0x80) return false;
      need--;
    } else if (byte >= 0x80) {
      need = continuationBytes(byte);
      if (need < 0) return false;
    } else if (isBinaryControl(byte)) {
      return false;
    }
  }
  return need === 0;
}

export class TerminalTextFilter {
  private mode: 'text' | 'cut' | 'binary' = 'text';
  /** Bytes of the visible line so far (since the last LF or CR). */
  private lineBytes = 0;
  /** Text of the current line, kept while it may start with "[pid]". */
  private lineText: string[] | null = [];
  private lineCut = false;
  /** An incomplete UTF-8 sequence at the end of the previous chunk. */
  private carry: Buffer = Buffer.alloc(0);
  private skipped = 0;
  private binaryBytes = 0;
  /** In binary mode, the current line, held until its end shows whether it is text. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** In binary mode, the lines of text since the last binary one. */
  private textLines: Buffer[] = [];
  private textLinesBytes = 0;
  private out: FilteredOutput = { pieces: [], lines: [] };

  push(chunk: Buffer): FilteredOutput {
    let data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    let position = 0;
    while (position < data.length) {
      if (this.mode === 'text') position = this.pushText(data, position);
      else if (this.mode === 'cut') position = this.skipCutLine(data, position);
      else {
        const resumed = this.pushBinary(data, position);
        if (typeof resumed === 'number') position = resumed;
        else [data, position] = [resumed, 0];
      }
    }
    if (this.mode === 'cut')
      this.piece({ kind: 'cut', keptBytes: MAX_LINE_BYTES, skippedBytes: this.skipped, done: false });
    if (this.mode === 'binary') this.piece({ kind: 'binary', bytes: this.binaryBytes + this.heldBytes, done: false });
    return this.take();
  }

  /** The program's output ended: closes a cut or binary stretch and the last line. */
  end(): FilteredOutput {
    if (this.carry.length > 0) this.text(this.carry.toString('utf8'));
    if (this.mode === 'cut') this.endCut();
    if (this.mode === 'binary') {
      const textLines = Buffer.concat(this.textLines);
      this.endBinary();
      this.pushText(textLines, 0);
    }
    this.finishLine();
    this.mode = 'text';
    this.carry = Buffer.alloc(0);
    return this.take();
  }

  private take(): FilteredOutput {
    const out = this.out;
    this.out = { pieces: [], lines: [] };
    return out;
  }

  /** Text up to the end of the chunk, a cut, or binary; returns where it stopped. */
  private pushText(data: Buffer, from: number): number {
    let lineStart = from;
    let need = 0;
    let sequenceStart = from;
    for (let i = from; i < data.length; i++) {
      const byte = data[i]!;
      if (need > 0) {
        if ((byte & 0xc0) !== 0x80) return this.startBinary(data, from, lineStart, i);
        need--;
      } else if (byte === LF || byte === CR) {
        this.collectLine(data, lineStart, i + 1);
        lineStart = i + 1;
        this.lineBytes = 0;
        if (byte === LF) this.finishLine();
        continue;
      } else if (byte >= 0x80) {
        need = continuationBytes(byte);
        sequenceStart = i;
        if (need < 0) return this.startBinary(data, from, lineStart, i);
      } else if (isBinaryControl(byte)) {
        return this.startBinary(data, from, lineStart, i);
      }
      if (++this.lineBytes > MAX_LINE_BYTES && need === 0) {
        const cutAt = byte >= 0x80 ? sequenceStart : i;
        this.collectLine(data, lineStart, cutAt);
        this.text(data.toString('utf8', from, cutAt));
        this.mode = 'cut';
        this.lineCut = true;
        this.skipped = 0;
        return cutAt;
      }
    }
    const end = need > 0 ? sequenceStart : data.length;
    if (need > 0) {
      // Counted again when the sequence is complete.
      this.carry = Buffer.from(data.subarray(sequenceStart));
      this.lineBytes -= data.length - sequenceStart;
    }
    this.collectLine(data, lineStart, end);
    this.text(data.toString('utf8', from, end));
    return data.length;
  }

  /** Skips the rest of a line that passed the limit, up to its LF or CR. */
  private skipCutLine(data: Buffer, from: number): number {
    const end = nextLineEnd(data, from);
    if (end < 0) {
      this.skipped += data.length - from;
      return data.length;
    }
    this.skipped += end - from;
    this.endCut();
    return end;
  }

  private endCut(): void {
    this.piece({ kind: 'cut', keptBytes: MAX_LINE_BYTES, skippedBytes: this.skipped, done: true });
    this.mode = 'text';
    this.lineBytes = 0;
  }

  /** Binary at `at`: the line it is on, from `lineStart`, is not sent; the lines before it are. */
  private startBinary(data: Buffer, from: number, lineStart: number, at: number): number {
    this.text(data.toString('utf8', from, lineStart));
    this.mode = 'binary';
    this.binaryBytes = 0;
    this.lineText = null;
    // Held with the rest of its line, so this line is never taken for text again.
    this.held = [data.subarray(lineStart, at)];
    this.heldBytes = at - lineStart;
    this.textLines = [];
    this.textLinesBytes = 0;
    return at;
  }

  /**
   * Counts binary bytes line by line. Text resumes after whole lines of text, at least
   * RESUME_TEXT_BYTES of them in a row (random bytes often make a short "line" that looks like
   * text); those lines are then returned to be read as text, with the rest of the chunk.
   */
  private pushBinary(data: Buffer, from: number): number | Buffer {
    const lf = data.indexOf(LF, from);
    const end = lf < 0 ? data.length : lf + 1;
    if (this.heldBytes <= MAX_LINE_BYTES) this.held.push(data.subarray(from, end));
    this.heldBytes += end - from;
    if (lf < 0) return end;
    const line = Buffer.concat(this.held);
    const lineBytes = this.heldBytes;
    this.held = [];
    this.heldBytes = 0;
    if (lineBytes !== line.length || !isTextLine(line)) {
      this.binaryBytes += this.textLinesBytes + lineBytes;
      this.textLines = [];
      this.textLinesBytes = 0;
      return end;
    }
    this.textLines.push(line);
    this.textLinesBytes += line.length;
    if (this.textLinesBytes < RESUME_TEXT_BYTES) return end;
    const text = Buffer.concat([...this.textLines, data.subarray(end)]);
    this.endBinary();
    return text;
  }

  /** Says how many bytes the stretch had; the lines of text it held go out as text. */
  private endBinary(): void {
    this.piece({ kind: 'binary', bytes: this.binaryBytes + this.heldBytes, done: true });
    this.mode = 'text';
    this.lineBytes = 0;
    this.lineText = [];
    this.held = [];
    this.heldBytes = 0;
    this.textLines = [];
    this.textLinesBytes = 0;
  }

  private text(text: string): void {
    if (text.length > 0) this.piece({ kind: 'text', text });
  }

  /** Keeps the current line's text while it may start with "[pid]" (possibly after escapes). */
  private collectLine(data: Buffer, start: number, end: number): void {
    if (!this.lineText || end <= start) return;
    if (this.lineText.length === 0 && data[start] !== 0x5b && data[start] !== 0x1b) {
      this.lineText = null;
      return;
    }
    this.lineText.push(data.toString('utf8', start, end));
    // A progress bar rewrites its line after each CR: keep only what a terminal would show.
    if (data[end - 1] === CR) this.lineText = [`${this.lineText.join('').split('\r').filter(Boolean).pop() ?? ''}\r`];
  }

  private finishLine(): void {
    if (this.lineText) {
      const visible = this.lineText
        .join('')
        .replace(/\r?\n$/, '')
        .split('\r');
      const text = (visible.filter(Boolean).pop() ?? '').replace(ESCAPES, '');
      const match = PID_PREFIX.exec(text);
      if (match) {
        const cut = this.lineCut || text.length > MAX_PROCESS_LINE_CHARS;
        this.out.lines.push({ pid: Number(match[1]), text: text.slice(0, MAX_PROCESS_LINE_CHARS), cut });
      }
    }
    this.lineText = [];
    this.lineCut = false;
  }

  private piece(piece: OutputPiece): void {
    mergePieces(this.out.pieces, [piece]);
  }
}

function nextLineEnd(data: Buffer, from: number): number {
  const lf = data.indexOf(LF, from);
  const cr = data.indexOf(CR, from);
  if (lf < 0) return cr;
  if (cr < 0) return lf;
  return Math.min(lf, cr);
}
