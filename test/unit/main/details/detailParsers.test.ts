import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFd } from '../../../../src/main/details/describeFd';
import { parseLimits } from '../../../../src/main/details/parseLimits';
import { parseStatus } from '../../../../src/main/details/parseStatus';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../../fixtures/proc', name), 'utf8');

describe('detail parsers', () => {
  it('reads /proc/PID/status into named fields', () => {
    const status = parseStatus(fixture('status.txt'));
    expect(status.Name).toBe('x) (y z');
    expect(status.Pid).toBe('4351');
    expect(status.SigCgt).toMatch(/^[0-9a-f]{16}$/);
    expect(status.Uid?.split(/\s+/)).toHaveLength(4);
  });

  it('reads /proc/PID/limits with its fixed-width columns', () => {
    const limits = parseLimits(fixture('limits.txt'));
    const openFiles = limits.find((l) => l.name === 'Max open files');
    expect(openFiles).toEqual({
      name: 'Max open files',
      soft: expect.any(String),
      hard: expect.any(String),
      units: 'files',
    });
    expect(limits.find((l) => l.name === 'Max cpu time')?.soft).toBe('unlimited');
    expect(limits.length).toBeGreaterThan(10);
  });

  it('classifies fd targets and keeps the inode of pipes and sockets', () => {
    expect(describeFd(3, 'pipe:[1234]')).toEqual({ fd: 3, target: 'pipe:[1234]', kind: 'pipe', inode: 1234 });
    expect(describeFd(4, 'socket:[99]').kind).toBe('socket');
    expect(describeFd(0, '/dev/pts/0').kind).toBe('device');
    expect(describeFd(5, '/home/a b.txt').kind).toBe('file');
    expect(describeFd(6, 'anon_inode:[eventfd]').kind).toBe('anon');
  });
});
