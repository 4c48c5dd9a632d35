// What the run's tree names each process: the role from its own lines, in either language.
import { describe, expect, it } from 'vitest';
import type { ProcessLine } from '../../../src/shared/model/Lab';
import { rolesOf } from '../../../src/renderer/src/views/processRoles';

const line = (pid: number, text: string, seq = 0): ProcessLine => ({ seq, at: 0, pid, text, cut: false });

describe('rolesOf', () => {
  it('takes the short name before the colon of each line, in English or in 中文', () => {
    const roles = rolesOf([
      line(10, '[10] launcher: four processes started; stop the run to end them'),
      line(11, '[11] blocker: SIGUSR1 is blocked; send it and it stays pending'),
      line(12, '[12] child 1: fork() returned 0; I am 12, my parent is 10'),
      line(13, '[13] 子进程 2：fork() 返回 0；我是 13'),
      line(14, '[14] parent (none): I am 14'),
    ]);
    expect(Object.fromEntries(roles)).toEqual({
      10: 'launcher',
      11: 'blocker',
      12: 'child 1',
      13: '子进程 2',
      14: 'parent (none)',
    });
  });

  it('keeps the latest role a process named, and names none from a line without one', () => {
    const roles = rolesOf([
      line(20, '[20] parent: fork() returned 21'),
      line(20, '[20] 12 tasks done in 3.2 s'),
      line(21, '[21] worker: started'),
      line(21, '[21] reader: now reading'),
      line(22, '[22] Traceback (most recent call last):'),
      line(23, '[23] a sentence far too long to be a role, even with a colon: at the end'),
      line(24, '[24] [nested]: brackets are not a role'),
    ]);
    expect(Object.fromEntries(roles)).toEqual({ 20: 'parent', 21: 'reader' });
  });
});
