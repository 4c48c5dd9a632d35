import { describe, expect, it } from 'vitest';
import { decodeWaitStatus } from '../../../../src/main/model/waitStatus';

describe('decodeWaitStatus', () => {
  it('reads an exit code and a killing signal as waitpid() encodes them', () => {
    expect(decodeWaitStatus(0)).toEqual({ exitCode: 0, signal: null });
    expect(decodeWaitStatus(3 << 8)).toEqual({ exitCode: 3, signal: null });
    expect(decodeWaitStatus(15)).toEqual({ exitCode: null, signal: 'SIGTERM' });
    // SIGQUIT with a core dump (0x80): the signal is the low 7 bits; its first name wins.
    expect(decodeWaitStatus(0x80 | 3)).toEqual({ exitCode: null, signal: 'SIGQUIT' });
    expect(decodeWaitStatus(6)).toEqual({ exitCode: null, signal: 'SIGABRT' });
    expect(decodeWaitStatus(40)).toEqual({ exitCode: null, signal: 'signal 40' });
  });
});
