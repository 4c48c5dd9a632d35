import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLockedKb } from '../../../../src/main/sampler/LockedPages';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../../fixtures/proc', name));

describe('parseLockedKb (VmLck of /proc/PID/status)', () => {
  it('reads the locked kB of a process that called mlock, and 0 of one that did not', () => {
    const locked = fixture('status-locked.txt');
    expect(parseLockedKb(locked, locked.length)).toBe(8);
    const unlocked = fixture('status.txt');
    expect(parseLockedKb(unlocked, unlocked.length)).toBe(0);
  });

  it('is 0 without a VmLck line (kernel threads, zombies)', () => {
    const kernelThread = Buffer.from('Name:\tkthreadd\nState:\tS (sleeping)\nKthread:\t1\nThreads:\t1\n');
    expect(parseLockedKb(kernelThread, kernelThread.length)).toBe(0);
  });

  it('reads only the first `length` bytes of a reused buffer', () => {
    const kernelThread = 'Name:\tkthreadd\nKthread:\t1\n';
    const buffer = Buffer.alloc(4096);
    // A previous, longer read left a VmLck line past the end of this one.
    fixture('status-locked.txt').copy(buffer);
    const length = buffer.write(kernelThread);
    expect(parseLockedKb(buffer, length)).toBe(0);
  });
});
