import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PF_KTHREAD, parseStat } from '../../../../src/main/sampler/parseStat';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../../fixtures/proc', name), 'utf8');

describe('parseStat', () => {
  it('splits at the last parenthesis, so a comm with spaces and parentheses survives', () => {
    const stat = parseStat(fixture('stat-comm-with-parens.txt'))!;
    expect(stat.pid).toBe(4351);
    expect(stat.comm).toBe('x) (y z');
    expect(stat.state).toBe('S');
    expect(stat.ppid).toBe(1);
    expect(stat.pgid).toBe(4347);
    expect(stat.sid).toBe(1058);
    expect(stat.ttyNr).toBe(0);
    expect(stat.tpgid).toBe(-1);
    expect(stat.priority).toBe(20);
    expect(stat.nice).toBe(0);
    expect(stat.threads).toBe(1);
    expect(stat.startTicks).toBe(67728);
    expect(stat.vszBytes).toBe(2990080);
    expect(stat.rssPages).toBe(393);
    expect(stat.flags & PF_KTHREAD).toBe(0);
  });

  it('reads a zombie and a kernel thread', () => {
    const zombie = parseStat(fixture('stat-zombie.txt'))!;
    expect(zombie.state).toBe('Z');
    expect(zombie.ppid).toBe(4359);
    expect(zombie.rssPages).toBe(0);
    const kthread = parseStat(fixture('stat-kthread.txt'))!;
    expect(kthread.comm).toBe('kthreadd');
    expect(kthread.flags & PF_KTHREAD).not.toBe(0);
  });

  it("reads a zombie's exit status (field 52) as waitpid() reports it", () => {
    expect(parseStat(fixture('stat-zombie-exit7.txt'))!.exitStatus).toBe(7 << 8);
    expect(parseStat(fixture('stat-zombie-sigterm.txt'))!.exitStatus).toBe(15);
    // A kernel before 3.5 has fewer fields: no status rather than a wrong one.
    const short = fixture('stat-zombie-exit7.txt').trim().split(' ').slice(0, 45).join(' ');
    expect(parseStat(short)!.exitStatus).toBeNull();
  });

  it('reads a negative nice value and a thread count', () => {
    const init = parseStat(fixture('stat-init-multithreaded.txt'))!;
    expect(init.pid).toBe(1);
    expect(init.nice).toBeLessThan(0);
    expect(init.threads).toBeGreaterThan(1);
  });

  it('refuses text that is not a stat line', () => {
    expect(parseStat('')).toBeNull();
    expect(parseStat('123 (truncated')).toBeNull();
    expect(parseStat('123 (sh) S 1 2')).toBeNull();
  });
});
