import { describe, expect, it } from 'vitest';
import { composeStat } from '../../../../src/main/sampler/composeStat';
import { ttyName } from '../../../../src/main/sampler/ttyName';

const base = { state: 'S', nice: 0, pid: 10, sid: 1, threads: 1, pgid: 10, tpgid: -1 };

describe('composeStat (procps rules)', () => {
  it('adds each flag in the order ps prints them', () => {
    expect(composeStat(base, false)).toBe('S');
    expect(composeStat({ ...base, nice: -5 }, false)).toBe('S<');
    expect(composeStat({ ...base, nice: 10 }, false)).toBe('SN');
    expect(composeStat(base, true)).toBe('SL');
    expect(composeStat({ ...base, sid: 10 }, false)).toBe('Ss');
    expect(composeStat({ ...base, threads: 4 }, false)).toBe('Sl');
    expect(composeStat({ ...base, tpgid: 10 }, false)).toBe('S+');
    // The order of procps' pr_stat: state, < or N, L, s, l, +.
    expect(composeStat({ ...base, state: 'R', nice: -1, sid: 10, threads: 2, tpgid: 10 }, false)).toBe('R<sl+');
    expect(composeStat({ ...base, nice: -1, sid: 10, threads: 2, tpgid: 10 }, true)).toBe('S<Lsl+');
  });
});

describe('ttyName', () => {
  it('names pseudo-terminals, virtual consoles and serial lines like ps', () => {
    expect(ttyName(0)).toBeNull();
    expect(ttyName((136 << 8) | 3)).toBe('pts/3');
    // Minor numbers above 255 are split across the device number (pts/300).
    expect(ttyName((136 << 8) | (300 & 0xff) | ((300 & 0xfff00) << 12))).toBe('pts/300');
    expect(ttyName((4 << 8) | 1)).toBe('tty1');
    expect(ttyName((4 << 8) | 64)).toBe('ttyS0');
  });
});
